/*
 * The embedding example's own script (a file, not inline, so a Content-Security-Policy can forbid inline scripts).
 * It writes each widget's copy-paste snippet from the widget's own attributes, so the two can never disagree, and
 * mounts one widget through the JavaScript API, showing what its onChange reports. Text only: never markup.
 */
(function () {
  'use strict';

  /** An attribute value as it must be written in HTML: quotes, ampersands, angle brackets and new lines escaped. */
  function escapeAttribute(value) {
    return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/\n/g, '&#10;');
  }

  /** The snippet for a widget: the script tag and the element with the attributes that matter to it. */
  function snippetFor(widget) {
    var attributes = '';
    for (var i = 0; i < widget.attributes.length; i++) {
      var a = widget.attributes[i];
      if (a.name === 'id' || a.name.indexOf('data-') === 0) {
        continue; // this page's own hooks, not part of what a reader needs to copy
      }
      attributes += ' ' + a.name + '="' + escapeAttribute(a.value) + '"';
    }
    return '<script src="backprop-lab.js"></script>\n<backprop-lab' + attributes + '></backprop-lab>';
  }

  var snippets = document.querySelectorAll('[data-snippet-for]');
  for (var i = 0; i < snippets.length; i++) {
    var widget = document.getElementById(snippets[i].getAttribute('data-snippet-for'));
    if (widget) {
      snippets[i].textContent = snippetFor(widget);
    }
  }

  var apiOptions = { view: 'graph', preset: 'neuron', controls: 'minimal', height: 480 };
  var apiSnippet = document.getElementById('api-snippet');
  apiSnippet.textContent = 'BackpropLab.mount(document.getElementById("my-widget"), '
    + JSON.stringify(apiOptions) + ')\n'
    + '  .then(function (widget) {\n'
    + '    widget.onChange(function (state) { console.log(state.program); });\n'
    + '  });';

  var stateBox = document.getElementById('api-state');
  window.BackpropLab.mount(document.getElementById('api-widget'), apiOptions).then(function (widget) {
    window.exampleWidget = widget; // for the page's tests and for trying the handle in the browser's console
    widget.onChange(function (state) {
      stateBox.textContent = JSON.stringify(state, null, 2);
    });
    stateBox.textContent = JSON.stringify(widget.state(), null, 2);
  });
})();
