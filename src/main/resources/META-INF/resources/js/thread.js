// A thread's comments carry no forms of their own, to keep a long thread light. Without JavaScript their vote and
// accepted-answer buttons submit the page's "votes" and "accept" forms (form="..."), and "Flag" opens the flag page.
// With htmx, a vote updates its buttons and points in place, and "Flag" brings the flag form in under the comment.
(function () {
  document.addEventListener('click', function (event) {
    if (!window.htmx || event.defaultPrevented) {
      return;
    }
    var button = event.target.closest('button[form=votes]');
    if (button) {
      event.preventDefault();
      var control = button.parentNode.id; // vote-comments-{id}, beside points-comments-{id}
      htmx.ajax('POST', button.getAttribute('formaction'), {
        source: document.getElementById('votes'), values: { value: button.value }, swap: 'none',
        selectOOB: '#' + control + ',#points-' + control.substring('vote-'.length)
      });
      return;
    }
    var link = event.target.closest('a.flag-link');
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
})();
