/*
 * Runs the browser benchmarks listed in ?suite= (graph, train, big, frames, load, all of them by default; and scale,
 * the big graphs of issue 16, only when listed), in that
 * order and in this one page, shows them in a table and leaves every figure in window.benchResult for a harness.
 * One page on purpose: a student's page is never fresh (they use the graph view, then the trainer), and in
 * JavaScript what ran before can slow what runs next, so the figures that count are those after other suites.
 */
(function () {
  'use strict';
  var SUITES = ['graph', 'train', 'big', 'frames', 'frames3', 'load'];
  var rows = [
    ['graphRender500Ms', 'Graph view: parse, evaluate, lay out and draw a 500-node program', 'ms', '≤ 150'],
    ['typing40Ms', 'Graph view: one keystroke in a 40-node program (a number changes)', 'ms', '≤ 16'],
    ['typing40NewShapeMs', 'Graph view: one keystroke in a 40-node program (a name changes: new layout)', 'ms', '≤ 16'],
    ['valueMsPerStep', 'Training, Value engine: one step of micrograd\'s demo', 'ms', '≤ 8 (JS), ≤ 4 (Wasm)'],
    ['tapeMsPerStep', 'Training, compiled tape: one step of micrograd\'s demo', 'ms', '≤ 0.4 (JS), ≤ 0.1 (Wasm)'],
    ['predictUsPerPoint', 'Decision boundary: one predict', 'µs', '≤ 1.5 (JS), ≤ 0.5 (Wasm)'],
    ['bigTapeMsPerStep', 'Training, tape: one step on 1,000 points of moons, 2-32-32-1', 'ms', '≤ 12 (JS), ≤ 4 (Wasm)'],
    ['bigValueMsPerStep', 'Training, Value engine: one step on 1,000 points of moons, 2-32-32-1', 'ms', ''],
    ['frameP95Ms', 'Trainer playing, everything live: time between frames (p95 of 300, after 30 to warm up)', 'ms', '≤ 20'],
    ['frameWorkP95Ms', 'Trainer playing: the page\'s own work per frame (p95 of 300)', 'ms', ''],
    ['stepsPerSecond', 'Trainer playing: training steps per second over those frames', 'steps/s', ''],
    ['hundredStepsMs', 'Trainer playing: wall time of the first 100 steps (CPython micrograd: 171 s)', 'ms', ''],
    ['firstFullAccuracyStep', 'Default setup: first step with 100% train accuracy', '', '≤ 100'],
    ['spiral3FrameP95Ms', 'Trainer playing a 3-class spiral, 100×100 argmax map: time between frames (p95 of 300)', 'ms',
      '≤ 20'],
    ['spiral3FrameWorkP95Ms', 'Trainer playing a 3-class spiral: the page\'s own work per frame (p95 of 300)', 'ms', ''],
    ['spiral3StepsPerSecond', 'Trainer playing a 3-class spiral: training steps per second over those frames', 'steps/s', ''],
    ['firstGraphMs', 'index.html: from navigation start to the first drawn graph', 'ms', '≤ 400'],
    ['gzipKB', 'index.html: everything it loads, gzipped (the browser\'s CompressionStream)', 'KB',
      '≤ 220 (JS), ≤ 260 (Wasm)'],
    // The scale suite (issue 16): each time runs from the action until the browser has painted its result, which
    // is never under about one frame (16.7 ms at 60 Hz); "work" is the action with the style and layout it causes,
    // forced in the same task (see ui/bench/GraphScale).
    ['program1500FirstDrawMs', 'Graph at scale: first drawing of a 300-line, 1,496-Value program', 'ms', '≤ 500'],
    ['program1500KeystrokeMs', 'Graph at scale: a keystroke in it (a number changes), grads shown', 'ms', '≤ 50'],
    ['program1500KeystrokeWorkMs', 'Graph at scale: a keystroke in it, work (script, style, layout)', 'ms', '≤ 50'],
    ['wheelZoom1500Ms', 'Graph at scale: one wheel zoom on it, fitted whole (at least a frame)', 'ms', '≤ 16'],
    ['wheelZoom1500WorkMs', 'Graph at scale: one wheel zoom on it, work (script, style, layout)', 'ms', '≤ 16'],
    ['zoomRedraw1500Ms', 'Graph at scale: the sharp redraw after a wheel zoom (as the + key zooms)', 'ms', ''],
    ['step447Ms', 'Graph at scale: one Step of backward on a 447-Value program (at least a frame)', 'ms', '≤ 16'],
    ['step447WorkMs', 'Graph at scale: one Step, work (script, style, layout)', 'ms', '≤ 16'],
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

  /** The trainer's frames while it plays: micrograd's demo, or with setup 'spiral3' the 3-class spiral. */
  function framesSuite(setup) {
    // Poll rarely, so the polling itself doesn't cost frames.
    return BackpropLab.bench('train-frames', setup || '').then(function () {
      return new Promise(function (resolve) {
        (function poll() {
          BackpropLab.backendCall('train-frames-result').then(function (text) {
            if (text) { resolve(JSON.parse(text)); } else { setTimeout(poll, 1000); }
          });
        })();
      });
    });
  }

  /** The gzipped size in bytes of one file of the site, compressed here by the browser. */
  function gzipBytes(url) {
    return fetch(url).then(function (r) { return r.blob(); }).then(function (blob) {
      return new Response(blob.stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    }).then(function (buffer) { return buffer.byteLength; });
  }

  /**
   * index.html on this backend, freshly loaded in a frame: the time from its navigation start to the first drawn
   * graph (the loader marks the first frame after its first widget is drawn), and the gzipped size of everything
   * it loaded (its resource timing lists the files).
   */
  function loadSuite(backend) {
    var frame = document.createElement('iframe');
    frame.className = 'bpl-bench-frame';
    frame.src = 'index.html?backend=' + backend + '#view=graph';
    document.body.appendChild(frame);
    return new Promise(function (resolve, reject) {
      var started = Date.now();
      (function poll() {
        var w = frame.contentWindow;
        var marks = w && w.performance ? w.performance.getEntriesByName('backprop-lab-drawn') : [];
        if (marks.length) {
          resolve(marks[0].startTime);
        } else if (Date.now() - started > 30000) {
          reject(new Error('index.html drew no graph in 30 s'));
        } else {
          setTimeout(poll, 50);
        }
      })();
    }).then(function (firstGraphMs) {
      var w = frame.contentWindow;
      var urls = [w.location.href.replace(/#.*/, '')].concat(w.performance.getEntriesByType('resource')
        .map(function (e) { return e.name; }));
      return Promise.all(urls.map(gzipBytes)).then(function (sizes) {
        document.body.removeChild(frame);
        var total = sizes.reduce(function (a, b) { return a + b; }, 0);
        return { firstGraphMs: firstGraphMs, gzipKB: total / 1000, gzipFiles: urls.length };
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
  function run(suite, backend) {
    switch (suite) {
      case 'graph': return BackpropLab.bench('graph');
      case 'train': return trainSuite();
      case 'big': return BackpropLab.bench('big');
      case 'frames': return framesSuite();
      case 'frames3': return framesSuite('spiral3').then(function (r) {
        return { spiral3FrameP95Ms: r.frameP95Ms, spiral3FrameWorkP95Ms: r.frameWorkP95Ms,
          spiral3StepsPerSecond: r.stepsPerSecond };
      });
      case 'load': return loadSuite(backend);
      case 'scale': return scaleSuite();
      default: return Promise.reject(new Error('no suite ' + suite + ' (there are ' + SUITES.join(', ') + ')'));
    }
  }

  var listed = (/[?&]suite=([\w,]+)/.exec(location.search) || [])[1];
  var suites = listed ? listed.split(',') : SUITES;
  var result = { suites: suites.join(',') };
  var links = document.getElementById('suites');
  if (links) {
    SUITES.concat([SUITES.join(',')]).forEach(function (s) {
      var a = document.createElement('a');
      a.href = '?suite=' + s + (/[?&]backend=\w+/.exec(location.search) || [''])[0].replace('?', '&');
      a.textContent = s;
      links.appendChild(a);
      links.appendChild(document.createTextNode(' '));
    });
  }
  BackpropLab.ready.then(function (backend) {
    result.backend = backend;
    return suites.reduce(function (done, suite) {
      return done.then(function () {
        document.getElementById('status').textContent = 'Running the ' + suite + ' suite on ' + backend + '…';
        return run(suite, backend);
      }).then(function (figures) {
        Object.assign(result, figures);
        show(result);
      });
    }, Promise.resolve());
  }).then(function () {
    window.benchResult = result;
    document.getElementById('status').textContent = 'Done: ' + suites.join(', ') + ' on ' + result.backend + '.';
  }).catch(function (e) {
    document.getElementById('status').textContent = 'The benchmark failed: ' + e;
    window.benchResult = { error: String(e) };
  });
})();
