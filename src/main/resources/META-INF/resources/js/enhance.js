// With htmx, votes, flags, replies, follows and bookmarks update in place. When the answer is not the expected
// update (a held reply, a refusal, a rate limit, an expired session), show the server's whole answer instead,
// exactly as the form would without JavaScript.
(function () {
  function showWholePage(html) {
    document.open();
    document.write(html);
    document.close();
  }
  document.addEventListener('htmx:beforeSwap', function (event) {
    var form = event.detail.requestConfig && event.detail.requestConfig.elt;
    var select = form && form.getAttribute('data-hx-select');
    if (!select || !event.detail.shouldSwap) {
      return;
    }
    var answer = new DOMParser().parseFromString(event.detail.serverResponse, 'text/html');
    if (!answer.querySelector(select)) {
      event.detail.shouldSwap = false;
      showWholePage(event.detail.serverResponse);
    }
  });
  document.addEventListener('htmx:responseError', function (event) {
    showWholePage(event.detail.xhr.responseText);
  });
})();
