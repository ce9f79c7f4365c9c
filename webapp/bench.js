/*
 * Runs one suite of the browser benchmarks (?suite=train, the default, or graph, frames or scale), shows it in a
 * table, and leaves the figures in window.benchResult for a harness. Each suite gets a fresh page: in one page, the JS
 * engine's type feedback from one suite slows the next (in JS, training ran 3x slower after the graph suite).
 */
(function () {
  'use strict';
  var rows = [
    ['valueMsPerStep', 'Training, Value engine: one step of micrograd\'s demo', 'ms', '≤ 11'],
    ['tapeMsPerStep', 'Training, compiled tape: one step of micrograd\'s demo', 'ms', '≤ 1'],
    ['predictUsPerPoint', 'Decision boundary: one predict', 'µs', '≤ 2'],
    ['graphRender500Ms', 'Graph view: parse, evaluate, lay out and draw a 500-node program', 'ms', '≤ 150'],
    ['typing40Ms', 'Graph view: one keystroke in a 40-node program (a number changes)', 'ms', '≤ 16'],
    ['typing40NewShapeMs', 'Graph view: one keystroke in a 40-node program (a name changes: new layout)', 'ms', '≤ 16'],
    ['frameP95Ms', 'Trainer playing, everything live: time between frames (p95 of 300, after 30 to warm up)', 'ms', '≤ 20'],
    ['frameWorkP95Ms', 'Trainer playing: the page\'s own work per frame (p95 of 300)', 'ms', ''],
    ['hundredStepsMs', 'Trainer playing: wall time of the first 100 steps (CPython micrograd: 171 s)', 'ms', ''],
    ['firstFullAccuracyStep', 'Default setup: first step with 100% train accuracy', '', '≤ 100'],
    // The scale suite (issue 16): each time runs from the action until the browser has painted its result.
    ['program1500FirstDrawMs', 'Graph at scale: first drawing of a 300-line, 1,496-Value program', 'ms', '≤ 500'],
    ['program1500KeystrokeMs', 'Graph at scale: a keystroke in it (a number changes), grads shown', 'ms', '≤ 50'],
    ['wheelZoom1500Ms', 'Graph at scale: one wheel zoom on it, fitted whole', 'ms', '≤ 16'],
    ['zoomRedraw1500Ms', 'Graph at scale: the sharp redraw after a wheel zoom (as the + key zooms)', 'ms', ''],
    ['step447Ms', 'Graph at scale: one Step of backward on a 447-Value program', 'ms', '≤ 16'],
    ['reuse5000FirstDrawMs', 'Graph at scale: first drawing of b = a+a+…+a, 5,000 terms (summarised past 3,000 Values)', 'ms', '≤ 1000'],
    ['reuse5000EvalBackwardMs', 'Graph at scale: evaluate it and Backward', 'ms', '≤ 200'],
    ['reuse5000FullDrawMs', 'Graph at scale: all 5,000 Values of it drawn, on demand (the summary\'s button)', 'ms', ''],
    ['reuse30000FirstDrawMs', 'Graph at scale: first drawing of b = a+a+…+a, 30,000 terms (summarised)', 'ms', 'a drawing, never blank'],
    ['chain100kEvalBackwardMs', 'Graph at scale: a 100,000-Value chain set, evaluated, summarised, and Backward', 'ms', '≤ 1000']
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
      cell(tr, result[r[0]].toFixed(r[2] === 'µs' ? 3 : r[2] ? 2 : 0) + ' ' + r[2]);
      cell(tr, r[3] ? r[3] + ' ' + r[2] : '');
      table.appendChild(tr);
    });
  }

  function trainSuite() {
    // micrograd's demo spec, when the page is served; from disk a spec of the same shape stands in.
    return fetch('examples/micrograd-demo.json').then(function (r) { return r.ok ? r.text() : ''; })
      .catch(function () { return ''; })
      .then(function (spec) { return BackpropLab.bench('train', spec); });
  }

  function framesSuite() {
    // Poll rarely, so the polling itself doesn't cost frames.
    return BackpropLab.bench('train-frames').then(function () {
      return new Promise(function (resolve) {
        (function poll() {
          BackpropLab.backendCall('train-frames-result').then(function (text) {
            if (text) { resolve(JSON.parse(text)); } else { setTimeout(poll, 1000); }
          });
        })();
      });
    });
  }

  function scaleSuite() {
    // ?cases=program1500,wheel runs some of the cases only (an older build needs minutes for the big ones).
    var cases = decodeURIComponent((/[?&]cases=([\w,%]+)/.exec(location.search) || [])[1] || '');
    return BackpropLab.bench('graph-scale', cases).then(function () {
      return new Promise(function (resolve) {
        (function poll() {
          BackpropLab.backendCall('graph-scale-result').then(function (text) {
            if (text) { resolve(JSON.parse(text)); } else { setTimeout(poll, 500); }
          });
        })();
      });
    });
  }

  var suite = (/[?&]suite=(\w+)/.exec(location.search) || [])[1] || 'train';
  var result = { suite: suite };
  var links = document.getElementById('suites');
  if (links) {
    ['train', 'graph', 'frames', 'scale'].forEach(function (s) {
      var a = document.createElement('a');
      a.href = '?suite=' + s + (/[?&]backend=\w+/.exec(location.search) || [''])[0].replace('?', '&');
      a.textContent = s;
      links.appendChild(a);
      links.appendChild(document.createTextNode(' '));
    });
  }
  BackpropLab.ready.then(function (backend) {
    result.backend = backend;
    document.getElementById('status').textContent = 'Running the ' + suite + ' suite on ' + backend + '…';
    return suite === 'graph' ? BackpropLab.bench('graph') : suite === 'frames' ? framesSuite()
      : suite === 'scale' ? scaleSuite() : trainSuite();
  }).then(function (figures) {
    Object.assign(result, figures);
    show(result);
    window.benchResult = result;
    document.getElementById('status').textContent = 'Done: the ' + suite + ' suite on ' + result.backend + '.';
  }).catch(function (e) {
    document.getElementById('status').textContent = 'The benchmark failed: ' + e;
    window.benchResult = { error: String(e) };
  });
})();
