/*
 * Backprop Lab loader: the one script a page needs. It picks a backend, loads it and the style sheet, and offers
 *   BackpropLab.mount(element, {view, program, preset, controls, height, ...view settings})
 *     -> Promise of a handle {id, setProgram(text), backward(), destroy(), onChange(callback), state()}
 *   <backprop-lab view="graph" program="..."></backprop-lab>   (attributes become options, kebab-case to camelCase)
 * After every change the element also gets a 'backprop-lab-change' event whose detail is the state, so a page of
 * <backprop-lab> tags can react without holding a handle (by hand: right, total, revealed, checks, done).
 * It runs WebAssembly GC when the browser validates a module that uses GC types and exception handling (try_table),
 * and JavaScript otherwise, or if the module fails to load; ?backend=js|wasm forces one. Over http(s) the module is
 * fetched; from file://, where fetch is refused, it comes from wasm/lab.wasm.js, a script the build makes that holds
 * the same bytes as base64 text (scripts load from disk), so an offline classroom gets the fast engine too.
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

  /** The module's bytes from wasm/lab.wasm.js, which sets window.backpropLabWasm to them in base64. */
  function wasmBytesFromScript() {
    return loadScript(base + 'wasm/lab.wasm.js').then(function () {
      var text = atob(window.backpropLabWasm);
      delete window.backpropLabWasm;
      var bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) {
        bytes[i] = text.charCodeAt(i);
      }
      return bytes;
    });
  }

  function loadWasm() {
    var module = overHttp ? Promise.resolve(base + 'wasm/lab.wasm') : wasmBytesFromScript();
    return Promise.all([loadScript(base + 'wasm/lab.wasm-runtime.js'), module])
      .then(function (loaded) { return TeaVM.wasmGC.load(loaded[1]); })
      .then(function (teavm) {
        teavm.exports.backpropLabMain([]);
        return { name: 'wasm', mount: teavm.exports.backpropLabMount, call: teavm.exports.backpropLabCall,
          bench: teavm.exports.backpropLabBench };
      });
  }

  /** Adds styles.css from the loader's folder unless the page links it already; resolves when it has loaded. */
  function loadStyles() {
    var href = base + 'styles.css';
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      if (links[i].href === href) {
        return Promise.resolve();
      }
    }
    return new Promise(function (resolve) {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.onload = link.onerror = function () { resolve(); };
      document.head.appendChild(link);
    });
  }

  /** A widget's state, from the hash-style text Java reports ("view=graph&program=a%20%3D%202.0"), as an object. */
  function stateOf(hash) {
    var state = {};
    hash.split('&').forEach(function (pair) {
      var eq = pair.indexOf('=');
      if (eq > 0) {
        try {
          state[decodeURIComponent(pair.slice(0, eq))] = decodeURIComponent(pair.slice(eq + 1));
        } catch (e) {
          // Java writes valid UTF-8 percent-encoding; nothing to do for anything else
        }
      }
    });
    return state;
  }

  var forced = requestedBackend();
  var overHttp = /^https?:$/.test(new URL(base || location.href).protocol);
  var wantWasm = forced === 'wasm' || (forced !== 'js' && wasmGcSupported());
  var backend = wantWasm
    ? loadWasm().catch(function (e) {
        if (forced === 'wasm') { throw e; }
        console.warn('Backprop Lab: WebAssembly failed, using JavaScript instead:', e);
        return loadJs();
      })
    : loadJs();
  var styles = loadStyles();

  /**
   * Marks (performance.mark 'backprop-lab-drawn') the frame after the page's first widget is drawn, so anyone can
   * read how long the page took to show the lab; bench.html's load suite does.
   */
  var drawnMarked = false;
  function markDrawn() {
    if (!drawnMarked && window.performance && performance.mark) {
      drawnMarked = true;
      requestAnimationFrame(function () { performance.mark('backprop-lab-drawn'); });
    }
  }

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
      return Promise.all([backend, styles]).then(function (loaded) {
        var b = loaded[0];
        var opts = Object.assign({}, options || {});
        var listeners = typeof opts.onChange === 'function' ? [opts.onChange] : [];
        var hash = '';
        opts.backend = b.name;
        opts.base = base;
        opts.onChange = function (next) {
          hash = next;
          listeners.slice().forEach(function (listener) { listener(stateOf(next)); });
          if (typeof CustomEvent === 'function') {
            element.dispatchEvent(new CustomEvent('backprop-lab-change', { bubbles: true, detail: stateOf(next) }));
          }
        };
        var id = b.mount(element, opts);
        markDrawn();
        var destroyed = false;
        return {
          id: id,
          setProgram: function (text) { if (!destroyed) { b.call(id, 'setProgram', String(text)); } },
          backward: function () { if (!destroyed) { b.call(id, 'backward', ''); } },
          destroy: function () {
            if (!destroyed) { destroyed = true; listeners = []; b.call(id, 'destroy', ''); }
          },
          /** Calls back with the widget's state (an object of hash-style strings) after every change. */
          onChange: function (callback) {
            listeners.push(callback);
            return function () { listeners = listeners.filter(function (l) { return l !== callback; }); };
          },
          /** The widget's state now, as onChange reports it. */
          state: function () { return stateOf(hash); }
        };
      }, function (e) { showFailure(element, e); throw e; });
    }
  };

  if (window.customElements && !customElements.get('backprop-lab')) {
    customElements.define('backprop-lab', class extends HTMLElement {
      static get observedAttributes() { return ['program']; }
      attributeChangedCallback(name, oldValue, newValue) {
        if (this.handle && name === 'program' && newValue !== null && oldValue !== newValue) {
          this.handle.setProgram(newValue);
        }
      }
      connectedCallback() {
        if (this._mounting) { return; }
        var self = this;
        var token = this._mounting = {};
        window.BackpropLab.mount(this, optionsFrom(this)).then(function (h) {
          if (self._mounting === token) {
            self.handle = h;
          } else {
            h.destroy(); // removed from the page while the backend was loading
          }
        });
      }
      disconnectedCallback() {
        this._mounting = null;
        if (this.handle) { this.handle.destroy(); this.handle = null; this.textContent = ''; }
      }
    });
  }
})();
