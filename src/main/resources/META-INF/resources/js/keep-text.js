// No refusal loses a member's text. The server shows refused forms again with the text in them; the one refusal it
// cannot answer that way is a body over the size limit, refused before it is read. So every form keeps a copy of its
// text in this tab's session storage when it is sent, and the form restores it when the member follows the refusal
// page's link back to it.
// Also: a live count of characters beside every field with a limit.
(function () {
  var KEY = 'backstory:sent-form';

  function textFields(form) {
    return Array.prototype.filter.call(form.elements, function (field) {
      return field.name && (field.tagName === 'TEXTAREA' || (field.tagName === 'INPUT' && field.type === 'text')
        || (field.tagName === 'INPUT' && !field.getAttribute('type')));
    });
  }

  // The choices around the text (kind, conditions, remedy outcomes) come back with it.
  function choices(form) {
    return Array.prototype.filter.call(form.elements, function (field) {
      return field.name && (field.tagName === 'SELECT' || field.type === 'checkbox' || field.type === 'radio');
    });
  }

  function remember(form) {
    var fields = {};
    var length = 0;
    textFields(form).forEach(function (field) {
      fields[field.name] = field.value;
      length += Array.from(field.value).length;
    });
    var chosen = choices(form).filter(function (field) {
      return field.tagName === 'SELECT' ? field.value !== '' : field.checked;
    }).map(function (field) {
      return { name: field.name, value: field.value };
    });
    try {
      sessionStorage.setItem(KEY, JSON.stringify({
        action: form.getAttribute('action'), page: location.pathname + location.search, fields: fields, length: length,
        chosen: chosen
      }));
    } catch (e) { /* storage full or off: the server-side refusal pages still keep the text */ }
  }

  function sent() {
    try {
      return JSON.parse(sessionStorage.getItem(KEY) || 'null');
    } catch (e) {
      return null;
    }
  }

  function offerOnRefusalPage(kept) {
    var place = document.getElementById('kept-text');
    if (!kept || !place) {
      return;
    }
    place.textContent = 'Your text (' + kept.length.toLocaleString() + ' characters) is kept in this browser tab. ';
    var back = document.createElement('a');
    back.href = kept.page + '#restore';
    back.textContent = 'Go back to your form and shorten it';
    place.appendChild(back);
    place.hidden = false;
  }

  // Only the refusal page's own link (#restore) brings the copy back. Any other page after a sent form means the server
  // answered it: saved (a post page has an empty reply form with the same action, which must not be refilled with the
  // comment just published) or refused with the text in the page.
  function restore(kept) {
    sessionStorage.removeItem(KEY);
    var form = kept && location.hash === '#restore' && document.querySelector('form[action="' + kept.action + '"]');
    if (!form) {
      return;
    }
    var restored = false;
    textFields(form).forEach(function (field) {
      var value = kept.fields[field.name];
      if (value) {
        field.value = value;
        restored = true;
      }
    });
    if (restored) {
      restoreChoices(form, kept.chosen || []);
      var note = document.createElement('p');
      note.className = 'restored-note';
      note.setAttribute('role', 'status');
      note.textContent = 'We put back the text you were sending. It has not been saved yet.';
      form.parentNode.insertBefore(note, form);
    }
  }

  function restoreChoices(form, chosen) {
    choices(form).forEach(function (field) {
      var match = chosen.filter(function (c) { return c.name === field.name; });
      if (field.tagName === 'SELECT') {
        field.value = match.length ? match[0].value : '';
        var group = field.closest('details');
        if (group && field.value) {
          group.open = true;
        }
      } else {
        field.checked = match.some(function (c) { return c.value === field.value; });
      }
    });
  }

  function count(field) {
    var max = parseInt(field.getAttribute('data-max-chars'), 10);
    var out = document.createElement('small');
    out.className = 'char-count';
    out.setAttribute('aria-live', 'polite');
    field.insertAdjacentElement('afterend', out);
    function update() {
      var length = Array.from(field.value).length;
      out.textContent = length.toLocaleString() + ' of ' + max.toLocaleString() + ' characters'
        + (length > max ? ': ' + (length - max).toLocaleString() + ' too many' : '');
      out.classList.toggle('over', length > max);
    }
    field.addEventListener('input', update);
    update();
  }

  document.addEventListener('submit', function (event) {
    if (event.target.method === 'post') {
      remember(event.target);
    }
  }, true);

  // A form sent in place (htmx) loads no page that would drop the copy, so reopening the page would offer text the
  // server already saved as unsent. Forget it once the server saved it (2xx); a refusal (4xx) keeps it. The event
  // names the form in requestConfig: when the swap removed the form, detail.elt is the parent that got the event.
  document.addEventListener('htmx:afterRequest', function (event) {
    var form = event.detail.requestConfig && event.detail.requestConfig.elt;
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    var kept = sent();
    if (status >= 200 && status < 300 && form && kept && kept.action === form.getAttribute('action')) {
      sessionStorage.removeItem(KEY);
    }
  });

  function start() {
    if (document.querySelector('[data-text-refused]')) {
      offerOnRefusalPage(sent());
    } else {
      restore(sent());
    }
    addCounters();
  }

  function addCounters() {
    Array.prototype.forEach.call(document.querySelectorAll('textarea[data-max-chars]'), function (field) {
      if (!field.nextElementSibling || !field.nextElementSibling.classList.contains('char-count')) {
        count(field);
      }
    });
  }
  // A form swapped in place (a posted comment, a refusal) gets its counter back.
  document.addEventListener('htmx:afterSwap', addCounters);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
