// Drafts: a writing form (data-draft-autosave) is saved on the server as the member types, a couple of seconds after
// they pause, so nothing is lost when the tab closes or the login runs out. Until the server has it, a copy waits in
// this browser's local storage and is put back into the form if the page is opened again. Without JavaScript the
// form's "Save draft" button does the same through the server.
(function () {
  var PAUSE_MS = 2000;
  var PREFIX = 'backstory:draft:';

  function pageOf(form) {
    var field = form.querySelector('input[name="draft-form"]');
    return field ? field.value : null;
  }

  function fieldsOf(form) {
    var data = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      data.append(name, value);
    });
    return data;
  }

  function storeLocally(page, data) {
    try {
      localStorage.setItem(PREFIX + page, JSON.stringify({ fields: data.toString(), savedAt: Date.now() }));
    } catch (e) { /* storage full or off: the server copy is the one that counts */ }
  }

  function forgetLocally(page) {
    try {
      localStorage.removeItem(PREFIX + page);
    } catch (e) { /* nothing to forget */ }
  }

  function status(form) {
    var out = form.querySelector('.draft-status');
    if (!out) {
      out = document.createElement('p');
      out.className = 'draft-status';
      out.setAttribute('role', 'status');
      form.appendChild(out);
    }
    return out;
  }

  function loginRanOut(form) {
    var out = status(form);
    out.textContent = 'Your login ran out. Your text is kept. ';
    var link = document.createElement('a');
    link.href = '/drafts/claim';
    link.textContent = 'Log in to continue';
    out.appendChild(link);
    out.classList.add('lapsed');
  }

  function save(form) {
    var page = pageOf(form);
    var data = fieldsOf(form);
    storeLocally(page, data);
    fetch('/drafts', {
      method: 'POST', credentials: 'same-origin', body: data,
      headers: { 'X-Backstory-Autosave': '1' }
    }).then(function (response) {
      if (response.status === 204) {
        forgetLocally(page);
        status(form).textContent = 'Draft saved at ' + new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) + '.';
        status(form).classList.remove('lapsed');
      } else if (response.status === 401) {
        loginRanOut(form);
      } else {
        return response.text().then(function (text) {
          status(form).textContent = 'Draft not saved: ' + (text || response.status) + ' Your text stays in this browser.';
        });
      }
    }).catch(function () {
      status(form).textContent = 'Draft not saved (no connection). Your text stays in this browser.';
    });
  }

  // A copy the server never confirmed is newer than what the page shows: put it back.
  function restoreLocal(form) {
    var page = pageOf(form);
    var kept;
    try {
      kept = JSON.parse(localStorage.getItem(PREFIX + page) || 'null');
    } catch (e) {
      kept = null;
    }
    if (!kept) {
      return;
    }
    var fields = new URLSearchParams(kept.fields);
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.type === 'hidden' || field.type === 'submit') {
        return;
      }
      var values = fields.getAll(field.name);
      if (field.type === 'checkbox' || field.type === 'radio') {
        field.checked = values.indexOf(field.value) >= 0;
      } else if (field.tagName === 'SELECT') {
        field.value = values.length ? values[0] : '';
        var group = field.closest('details');
        if (group && field.value) {
          group.open = true;
        }
      } else if (values.length) {
        field.value = values[0];
      }
    });
    var note = document.createElement('p');
    note.className = 'restored-note';
    note.setAttribute('role', 'status');
    note.textContent = 'We put back text from this browser that was not saved yet.';
    form.parentNode.insertBefore(note, form);
    save(form);
  }

  function watch(form) {
    if (form.hasAttribute('data-draft-watched') || !pageOf(form)) {
      return;
    }
    form.setAttribute('data-draft-watched', '');
    var timer = null;
    function later() {
      storeLocally(pageOf(form), fieldsOf(form));
      clearTimeout(timer);
      timer = setTimeout(function () { save(form); }, PAUSE_MS);
    }
    form.addEventListener('input', later);
    form.addEventListener('change', later);
    // Sent: the server answers with the saved post or the same form with the text; the local copy has done its job.
    form.addEventListener('submit', function () {
      clearTimeout(timer);
      forgetLocally(pageOf(form));
    });
    restoreLocal(form);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-draft-autosave]'), watch);
  }
  document.addEventListener('htmx:afterSwap', start);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
