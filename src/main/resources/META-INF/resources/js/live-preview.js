// Progressive enhancement for the post form: shows the preview and safety screening while the member types.
// Without JavaScript the "Check before posting" button renders the same preview on the server.
(function () {
  var form = document.querySelector('form[data-live-preview]');
  var target = document.getElementById('live-preview');
  if (!form || !target || !window.fetch) {
    return;
  }
  var timer = null;
  var last = '';
  function refresh() {
    var data = new URLSearchParams(new FormData(form));
    var key = data.get('title') + '\n' + data.get('body');
    if (key === last || !data.get('body')) {
      return;
    }
    last = key;
    fetch(form.getAttribute('data-live-preview'), {method: 'POST', body: data, credentials: 'same-origin'})
      // 400: the preview names what is wrong (too long, a character that cannot be shown); other failures show nothing.
      .then(function (response) { return response.ok || response.status === 400 ? response.text() : null; })
      .then(function (html) { if (html !== null) { target.innerHTML = html; } })
      .catch(function () { /* the preview is a convenience; posting still works */ });
  }
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 1200);
  });
})();
