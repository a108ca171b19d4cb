// Progressive enhancement for the writing forms (a post, a comment, a reply, an edit): the safety check (and, for a
// post, tag suggestions and the rendered text) refreshed while the member types. Without JavaScript "Check before
// posting" (and "Suggest tags") give the same from the server. Listens on the document, as htmx replaces the comment
// form after a comment is posted.
(function () {
  if (!window.fetch || !window.DOMParser) {
    return;
  }
  var timer = null;
  var last = '';
  function replace(answer, id) {
    var fresh = answer.getElementById(id);
    var old = document.getElementById(id);
    if (fresh && old) {
      old.replaceWith(document.importNode(fresh, true));
    }
  }
  function refresh(form) {
    var data = new URLSearchParams(new FormData(form));
    var key = form.getAttribute('data-live-preview') + '?' + data.toString();
    if (key === last || !data.get('body')) {
      return;
    }
    last = key;
    fetch(form.getAttribute('data-live-preview'), {method: 'POST', body: data, credentials: 'same-origin'})
      // 400: the check names what is wrong (too long, a character that cannot be shown); 422: screening would refuse
      // it (spam). Other failures show nothing.
      .then(function (response) {
        return response.ok || response.status === 400 || response.status === 422 ? response.text() : null;
      })
      .then(function (html) {
        if (html === null) {
          return;
        }
        var answer = new DOMParser().parseFromString(html, 'text/html');
        replace(answer, 'writing-help');
        replace(answer, 'live-preview');
      })
      .catch(function () { /* the check is a convenience; posting still works */ });
  }
  document.addEventListener('input', function (event) {
    var form = event.target.closest && event.target.closest('form[data-live-preview]');
    if (!form || event.target.type === 'search') {
      return; // the remedy filter changes nothing that is sent
    }
    clearTimeout(timer);
    timer = setTimeout(function () { refresh(form); }, 1200);
  });
  // A form opened with text in it (a draft, an edit) gets its check and suggestions at once, not at the first key.
  var opened = document.querySelector('form[data-live-preview]');
  var help = document.getElementById('writing-help');
  if (opened && help && !help.textContent.trim()) {
    refresh(opened);
  }
})();
