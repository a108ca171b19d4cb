// Keyboard shortcuts for moderators (listed on the page): j/k move between items, o or Enter opens one, a approves and
// h hides the item on its page, x ticks an item in the spam tab, u undoes, ? shows the list. Keys typed into a text
// box, a select or with a modifier are left alone. Without JavaScript every action is a link or a button.
(function () {
  function typing(target) {
    return target.closest && target.closest('input, textarea, select, [contenteditable]');
  }
  function items() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-keys=queue] > li'));
  }
  var current = -1;
  function choose(index) {
    var list = items();
    if (list.length === 0) {
      return;
    }
    current = Math.max(0, Math.min(list.length - 1, index));
    list.forEach(function (li, i) {
      li.classList.toggle('chosen', i === current);
    });
    var link = list[current].querySelector('h2 a');
    if (link) {
      link.focus();
    }
  }
  function follow(selector) {
    var link = document.querySelector(selector);
    if (link) {
      link.click();
      return true;
    }
    return false;
  }
  function decide(action) {
    var form = document.querySelector('form[data-keys=decide]');
    var radio = form && form.querySelector('input[name=action][value=' + action + ']');
    if (radio) {
      radio.checked = true;
      form.requestSubmit();
    }
  }
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    var onQueue = items().length > 0;
    switch (event.key) {
      case 'j':
        if (onQueue) { choose(current + 1); } else { follow('a[data-key=j]'); }
        break;
      case 'k':
        if (onQueue) { choose(current - 1); } else { follow('a[data-key=k]'); }
        break;
      case 'o':
      case 'Enter':
        if (!onQueue || current < 0 || event.key === 'Enter') { return; }
        items()[current].querySelector('h2 a').click();
        break;
      case 'x':
        var box = onQueue && current >= 0 && items()[current].querySelector('input[type=checkbox]');
        if (!box) { return; }
        box.checked = !box.checked;
        break;
      case 'a':
        decide('APPROVE');
        break;
      case 'h':
        decide('HIDE');
        break;
      case 'u':
        var undo = document.querySelector('form.undo button');
        if (!undo) { return; }
        undo.click();
        break;
      case '?':
        var help = document.getElementById('keyboard-help');
        if (!help) { return; }
        help.open = !help.open;
        break;
      default:
        return;
    }
    event.preventDefault();
  });
})();

// A destructive button asks once before it sends (rejecting a tag suggestion).
document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('button[data-confirm]');
  if (button && !window.confirm(button.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});
