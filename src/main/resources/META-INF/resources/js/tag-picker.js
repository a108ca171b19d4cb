// The remedy picker's filter ("McK" shows McKenzie) and the tag suggestions' buttons, done in place. Without
// JavaScript the picker is a plain grouped list, and the suggestions' buttons send the form back with the tag set.
(function () {
  var form = document.querySelector('form.post-form');
  if (!form) {
    return;
  }
  var picker = form.querySelector('[data-filterable]');
  var filter = picker && picker.querySelector('[data-filter-for]');
  if (filter) {
    filter.closest('.picker-filter').hidden = false;
    filter.addEventListener('input', function () {
      var words = filter.value.trim().toLowerCase();
      var shown = 0;
      picker.querySelectorAll('[data-pick-group]').forEach(function (group) {
        var groupShown = 0;
        group.querySelectorAll('[data-pick]').forEach(function (label) {
          var select = label.querySelector('select');
          var match = !words || label.getAttribute('data-pick').toLowerCase().indexOf(words) >= 0
            || (select && select.value !== '');
          label.hidden = !match;
          groupShown += match ? 1 : 0;
        });
        group.hidden = groupShown === 0;
        shown += groupShown;
      });
      picker.querySelector('[data-filter-empty]').hidden = shown > 0;
    });
    // Enter in the filter would send the whole form.
    filter.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault();
      }
    });
  }
  form.addEventListener('click', function (event) {
    var button = event.target.closest('#writing-help button[name=accept], #writing-help button[name=dismiss]');
    if (!button) {
      return;
    }
    event.preventDefault();
    var item = button.closest('[data-suggestion]');
    var parts = button.value.split(':');
    if (button.name === 'accept' && parts[0] === 'condition') {
      var box = form.querySelector('input[name=condition][value="' + parts[1] + '"]');
      if (box) { box.checked = true; }
    } else if (button.name === 'accept') {
      var select = form.querySelector('select[name="remedy.' + parts[1] + '"]');
      if (select) { select.value = parts[2]; }
    } else {
      var kept = document.createElement('input');
      kept.type = 'hidden';
      kept.name = 'ignored';
      kept.value = button.value;
      item.closest('section').appendChild(kept);
    }
    var list = item.parentElement;
    item.remove();
    var status = document.createElement('p');
    status.setAttribute('role', 'status');
    status.textContent = button.name === 'accept' ? 'Tagged. You can change it in the lists below.' : 'Left out.';
    list.parentElement.insertBefore(status, list);
    setTimeout(function () { status.remove(); }, 4000);
  });
})();
