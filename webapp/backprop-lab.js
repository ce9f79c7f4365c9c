/*
 * Backprop Lab loader: the one script a page needs. It picks a backend, loads it, and offers
 *   BackpropLab.mount(element, {view, program, ...})  and  <backprop-lab view="graph" program="..."></backprop-lab>.
 * JavaScript is the default that always works, from file:// too. Over http(s) it upgrades to WebAssembly GC when
 * the browser validates a module that uses GC types and exception handling (try_table); ?backend=js|wasm forces one.
 */
(function () {
  'use strict';
  if (window.BackpropLab) {
    return;
  }
  var script = document.currentScript;
  var base = script ? script.src.replace(/[^\/]*([?#].*)?$/, '') : '';

  // (module (type (struct (field i32))) (type (func)) (func (type 1) (try_table (nop)) (ref.null 0) (drop)))
  var probe = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0,
    1, 8, 2, 0x5f, 1, 0x7f, 0, 0x60, 0, 0,
    3, 2, 1, 1,
    10, 11, 1, 9, 0, 0x1f, 0x40, 0, 0x0b, 0xd0, 0, 0x1a, 0x0b]);

  function wasmGcSupported() {
    try {
      return typeof WebAssembly === 'object' && WebAssembly.validate(probe);
    } catch (e) {
      return false;
    }
  }

  function requestedBackend() {
    var m = /[?&]backend=(js|wasm)\b/.exec(location.search);
    return m ? m[1] : null;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(s);
    });
  }

  function loadJs() {
    return loadScript(base + 'js/lab.js').then(function () {
      window.backpropLabMain([]);
      return { name: 'js', mount: window.backpropLabMount, call: window.backpropLabCall, bench: window.backpropLabBench };
    });
  }

  function loadWasm() {
    return loadScript(base + 'wasm/lab.wasm-runtime.js')
      .then(function () { return TeaVM.wasmGC.load(base + 'wasm/lab.wasm'); })
      .then(function (teavm) {
        teavm.exports.backpropLabMain([]);
        return { name: 'wasm', mount: teavm.exports.backpropLabMount, call: teavm.exports.backpropLabCall,
          bench: teavm.exports.backpropLabBench };
      });
  }

  var forced = requestedBackend();
  var overHttp = location.protocol === 'http:' || location.protocol === 'https:';
  var wantWasm = forced === 'wasm' || (forced !== 'js' && overHttp && wasmGcSupported());
  var backend = wantWasm
    ? loadWasm().catch(function (e) {
        if (forced === 'wasm') { throw e; }
        console.warn('Backprop Lab: WebAssembly failed, using JavaScript instead:', e);
        return loadJs();
      })
    : loadJs();

  function optionsFrom(element) {
    var options = {};
    for (var i = 0; i < element.attributes.length; i++) {
      var a = element.attributes[i];
      options[a.name.replace(/-([a-z])/g, function (_, c) { return c.toUpperCase(); })] = a.value;
    }
    return options;
  }

  function showFailure(element, error) {
    var p = document.createElement('p');
    p.className = 'bpl-load-error';
    p.textContent = 'Backprop Lab could not start: ' + (error && error.message ? error.message : error);
    element.appendChild(p);
  }

  window.BackpropLab = {
    /** Resolves to the backend's name ("js" or "wasm") once it is running. */
    ready: backend.then(function (b) { return b.name; }),
    /** Runs a benchmark in this page ("graph", "train") and resolves to its figures. */
    bench: function (what, spec) {
      return backend.then(function (b) { var text = b.bench(what, b.name, spec || ''); return text.charAt(0) === '{' ? JSON.parse(text) : text; });
    },
    backendCall: function (what) {
      return backend.then(function (b) { return b.bench(what, b.name, ''); });
    },
    mount: function (element, options) {
      return backend.then(function (b) {
        var opts = Object.assign({}, options || {});
        opts.backend = b.name;
        var id = b.mount(element, opts);
        return {
          id: id,
          setProgram: function (text) { b.call(id, 'setProgram', String(text)); },
          backward: function () { b.call(id, 'backward', ''); },
          destroy: function () { b.call(id, 'destroy', ''); }
        };
      }, function (e) { showFailure(element, e); throw e; });
    }
  };

  if (window.customElements && !customElements.get('backprop-lab')) {
    customElements.define('backprop-lab', class extends HTMLElement {
      connectedCallback() {
        if (this._mounted) { return; }
        this._mounted = true;
        var self = this;
        window.BackpropLab.mount(this, optionsFrom(this)).then(function (h) { self.handle = h; });
      }
      disconnectedCallback() {
        if (this.handle) { this.handle.destroy(); this.handle = null; this._mounted = false; this.textContent = ''; }
      }
    });
  }
})();
