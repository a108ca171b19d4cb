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

  function send(data, form) {
    form.draftRequest = new AbortController();
    return fetch('/drafts', {
      method: 'POST', credentials: 'same-origin', body: data, signal: form.draftRequest.signal,
      headers: { 'X-Backstory-Autosave': '1' }
    });
  }

  function save(form) {
    if (form.draftSent) {
      return;
    }
    var page = pageOf(form);
    var data = fieldsOf(form);
    storeLocally(page, data);
    send(data, form).then(function (response) {
      if (response.status === 204 || response.status === 205) {
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
    }).catch(function (error) {
      if (error.name !== 'AbortError') {
        status(form).textContent = 'Draft not saved (no connection). Your text stays in this browser.';
      }
    });
  }

  // A copy the server never confirmed may be newer than what the page shows. It is sent as it was kept, naming the page
  // it was typed on, so the server can say (205) that the form was sent and saved since: then the copy is dropped, not
  // put back over a comment that is already in the thread. Otherwise it goes back into the form.
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
    send(new URLSearchParams(kept.fields), form).then(function (response) {
      if (response.status === 205) {
        forgetLocally(page);
      } else {
        putBack(form, kept);
      }
    }).catch(function () {
      putBack(form, kept);
    });
  }

  function putBack(form, kept) {
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
      if (form.draftSent) {
        return;
      }
      storeLocally(pageOf(form), fieldsOf(form));
      clearTimeout(timer);
      timer = setTimeout(function () { save(form); }, PAUSE_MS);
    }
    form.addEventListener('input', later);
    form.addEventListener('change', later);
    // Sent: the server answers with the saved post or the same form with the text; the local copy has done its job.
    // No autosave after that: one still on its way is called off, and none starts from a late input or change event.
    form.addEventListener('submit', function () {
      clearTimeout(timer);
      form.draftSent = true;
      if (form.draftRequest) {
        form.draftRequest.abort();
      }
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
