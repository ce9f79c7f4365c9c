/* Runs the browser benchmarks, shows them in a table, and leaves them in window.benchResult for a harness. */
(function () {
  'use strict';
  var rows = [
    ['graphRender500Ms', 'Graph view: parse, evaluate, lay out and draw a 500-node program', 'ms', '≤ 150'],
    ['typing40Ms', 'Graph view: one keystroke in a 40-node program (a number changes)', 'ms', '≤ 16'],
    ['typing40NewShapeMs', 'Graph view: one keystroke in a 40-node program (a name changes: new layout)', 'ms', '≤ 16'],
    ['valueMsPerStep', 'Training, Value engine: one step of micrograd\'s demo', 'ms', '≤ 11'],
    ['tapeMsPerStep', 'Training, compiled tape: one step of micrograd\'s demo', 'ms', '≤ 1'],
    ['predictUsPerPoint', 'Decision boundary: one predict', 'µs', '≤ 2']
  ];

  function cell(row, text, tag) {
    var c = document.createElement(tag || 'td');
    c.textContent = text;
    row.appendChild(c);
  }

  function show(result) {
    var table = document.getElementById('results');
    table.textContent = '';
    var head = document.createElement('tr');
    ['Benchmark', 'Median', 'Target'].forEach(function (t) { cell(head, t, 'th'); });
    table.appendChild(head);
    rows.forEach(function (r) {
      if (!(r[0] in result)) { return; }
      var tr = document.createElement('tr');
      tr.setAttribute('data-key', r[0]);
      tr.setAttribute('data-value', String(result[r[0]]));
      cell(tr, r[1]);
      cell(tr, result[r[0]].toFixed(r[2] === 'µs' ? 3 : 2) + ' ' + r[2]);
      cell(tr, r[3] + ' ' + r[2]);
      table.appendChild(tr);
    });
  }

  var result = {};
  BackpropLab.ready.then(function (backend) {
    result.backend = backend;
    document.getElementById('status').textContent = 'Running on ' + backend + '…';
    return BackpropLab.bench('graph');
  }).then(function (graph) {
    Object.assign(result, graph);
    show(result);
    // micrograd's demo spec, when the page is served; from disk a spec of the same shape stands in.
    return fetch('examples/micrograd-demo.json').then(function (r) { return r.ok ? r.text() : ''; })
      .catch(function () { return ''; })
      .then(function (spec) { return BackpropLab.bench('train', spec); });
  }).then(function (train) {
    Object.assign(result, train);
    show(result);
    window.benchResult = result;
    document.getElementById('status').textContent = 'Done on ' + result.backend + '.';
  }).catch(function (e) {
    document.getElementById('status').textContent = 'The benchmark failed: ' + e;
    window.benchResult = { error: String(e) };
  });
})();
