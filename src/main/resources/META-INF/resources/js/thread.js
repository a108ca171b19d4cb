// A thread's comments carry no forms of their own, to keep a long thread light. Without JavaScript their vote buttons
// submit the "votes" form around the thread (each button's name says the vote and the comment: u147, d147, w147), the
// accepted-answer buttons the page's "accept" form (form="accept"), and "Flag" opens the flag page. With htmx, a vote
// updates the comment's actions line and meta line (its points) in place, and "Flag" brings the flag form in under the comment.
(function () {
  document.addEventListener('click', function (event) {
    if (!window.htmx || event.defaultPrevented) {
      return;
    }
    var button = event.target.closest('#votes button[name]');
    if (button && /^[udw][0-9]+$/.test(button.name)) {
      event.preventDefault();
      var id = button.name.substring(1);
      var actions = '#c' + id + ' > article > p.actions';
      var up = button === button.parentNode.querySelector('button'); // the first of the two
      var values = {};
      values[button.name] = '';
      htmx.ajax('POST', button.form.getAttribute('action'), {
        source: button.form, values: values, target: button.parentNode, swap: 'outerHTML',
        select: actions, selectOOB: '#m' + id // the meta line, with the points
      }).then(function () {
        // The buttons were replaced: keep the keyboard where it was.
        var again = document.querySelectorAll(actions + ' > button');
        if (again.length === 2) {
          again[up ? 0 : 1].focus();
        }
      });
      return;
    }
    var link = event.target.closest('a.flag-link, .comment .actions a[href$="/flag"]');
    if (link) {
      event.preventDefault();
      var place = link.closest('p');
      var opened = place.nextElementSibling;
      if (opened && opened.matches('form.flag-form')) {
        opened.querySelector('input[type=radio]').focus();
        return;
      }
      // enhance.js shows the whole answer instead when it holds no flag form (a lapsed login, say).
      link.setAttribute('data-hx-select', 'form.flag-form');
      htmx.ajax('GET', link.getAttribute('href'), { source: link, target: place, swap: 'afterend', select: 'form.flag-form' })
        .then(function () {
          var form = place.nextElementSibling;
          if (form && form.matches('form.flag-form')) {
            form.querySelector('input[type=radio]').focus();
          }
        });
    }
  });
  // The remedy list of the comment form, brought in when opened, replaces the summary that had the focus: give it back.
  document.addEventListener('htmx:load', function (event) {
    if (event.target.matches && event.target.matches('details.remedy-picker[open]')) {
      event.target.querySelector('summary').focus();
    }
  });
})();
