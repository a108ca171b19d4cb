// Progressive enhancement for the post form: the safety check and tag suggestions under the text, and the rendered
// text below the form, refreshed while the member types. Without JavaScript "Check before posting" and "Suggest
// tags" give the same from the server.
(function () {
  var form = document.querySelector('form[data-live-preview]');
  if (!form || !window.fetch || !window.DOMParser) {
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
  function refresh() {
    var data = new URLSearchParams(new FormData(form));
    var key = data.toString();
    if (key === last || !data.get('body')) {
      return;
    }
    last = key;
    fetch(form.getAttribute('data-live-preview'), {method: 'POST', body: data, credentials: 'same-origin'})
      // 400: the preview names what is wrong (too long, a character that cannot be shown); other failures show nothing.
      .then(function (response) { return response.ok || response.status === 400 ? response.text() : null; })
      .then(function (html) {
        if (html === null) {
          return;
        }
        var answer = new DOMParser().parseFromString(html, 'text/html');
        replace(answer, 'writing-help');
        replace(answer, 'live-preview');
      })
      .catch(function () { /* the preview is a convenience; posting still works */ });
  }
  form.addEventListener('input', function (event) {
    if (event.target.type === 'search') {
      return; // the remedy filter changes nothing that is sent
    }
    clearTimeout(timer);
    timer = setTimeout(refresh, 1200);
  });
  // A form opened with text in it (a draft, an edit) gets its check and suggestions at once, not at the first key.
  var help = document.getElementById('writing-help');
  if (help && !help.textContent.trim()) {
    refresh();
  }
})();
