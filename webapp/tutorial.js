/*
 * The tutorial's own script. Step 6's widget is backprop by hand: the page hears its 'backprop-lab-change' events
 * (the widget's state, with the progress in it) and, once every grad is found, says so and points on to step 7,
 * as any page can react to a by-hand widget.
 */
(function () {
  'use strict';
  document.addEventListener('backprop-lab-change', function (e) {
    var lab = e.target;
    var note = document.getElementById('step-6-done');
    if (!note || !lab.matches || !lab.matches('backprop-lab[data-step="6"]')) {
      return;
    }
    var state = e.detail || {};
    if (state.done !== '1') {
      note.hidden = true;
      return;
    }
    var revealed = Number(state.revealed || 0);
    note.textContent = (revealed === 0
      ? 'Well done: all ' + state.total + ' grads, every one worked out by you. '
      : 'All ' + state.total + ' grads found, ' + revealed + ' of them revealed: try those again later. ')
      + 'Next, step 7 shows the order in which backward() visits the nodes: the same order you just worked in.';
    note.hidden = false;
  });
})();
