// The ledger page: how far it is filled in, a jump to the next empty requirement, and autosave that never
// claims a save it did not make. Loaded as a file: the Content-Security-Policy allows no inline script.
(function () {
  "use strict";

  var counter = document.getElementById("filled-count");
  var next = document.getElementById("next-empty");
  var texts = document.getElementById("autosave-messages");

  function entries() {
    return Array.prototype.slice.call(document.querySelectorAll(".entry[data-complete]"));
  }

  function format(pattern) {
    var args = Array.prototype.slice.call(arguments, 1);
    return pattern.replace(/\{(\d)\}/g, function (all, i) { return args[+i]; });
  }

  // --- progress and the jump to the next empty requirement

  function refreshProgress() {
    var all = entries();
    var empty = all.filter(function (e) { return e.getAttribute("data-complete") !== "true"; });
    if (counter) {
      counter.textContent = format(counter.getAttribute("data-format"), all.length - empty.length, all.length);
    }
    if (next) {
      next.hidden = empty.length === 0;
      if (empty.length) {
        next.setAttribute("href", "#" + empty[0].id);
      }
    }
  }

  /** Complete as a submission needs it: the same rule as LedgerEntry.complete() on the server. */
  function complete(form) {
    var status = form.elements.status.value;
    if (!status) {
      return false;
    }
    var field = status === "NOT_APPLICABLE" ? form.elements.naReason : form.elements.text;
    return field.value.trim() !== "";
  }

  var current = null;
  document.addEventListener("focusin", function (event) {
    var entry = event.target.closest && event.target.closest(".entry[data-complete]");
    if (entry) {
      current = entry;
    }
  });

  if (next) {
    next.addEventListener("click", function (event) {
      var all = entries();
      var start = current ? all.indexOf(current) + 1 : 0;
      for (var i = 0; i < all.length; i++) {
        var entry = all[(start + i) % all.length];
        if (entry.getAttribute("data-complete") !== "true") {
          event.preventDefault();
          current = entry;
          entry.scrollIntoView({ block: "center" });
          var form = entry.querySelector("form");
          if (form) {
            var field = !form.elements.status.value ? form.elements.status
                : form.elements.status.value === "NOT_APPLICABLE" ? form.elements.naReason : form.elements.text;
            field.focus({ preventScroll: true });
          }
          return;
        }
      }
    });
  }

  // --- autosave: what the server answered, shown as it is

  if (!texts) {
    return;
  }
  var loginPath = new URL(texts.getAttribute("data-login-url"), location.href).pathname;

  function stateTarget(event) {
    var target = event.detail.target;
    return target && target.id && target.id.indexOf("entry-state-") === 0 ? target : null;
  }

  function formOf(target) {
    return document.getElementById(target.id.replace("entry-state-", "entry-form-"));
  }

  function failed(target, message, login) {
    target.textContent = "";
    var text = document.createElement("span");
    text.className = "field-error not-saved";
    text.textContent = message;
    target.appendChild(text);
    if (login) {
      var link = document.createElement("a");
      link.href = texts.getAttribute("data-login-url");
      link.target = "_blank";
      link.rel = "noopener";
      link.className = "button";
      link.textContent = texts.getAttribute("data-login");
      target.appendChild(link);
    }
    var retry = document.createElement("button");
    retry.type = "button";
    retry.className = "retry";
    retry.textContent = texts.getAttribute("data-retry");
    retry.addEventListener("click", function () {
      retry.disabled = true;
      freshToken().then(function () {
        htmx.trigger(formOf(target), "change");
      });
    });
    target.appendChild(retry);
  }

  /** After logging in again in another tab the session, and so the CSRF token, is new: read it from this page anew. */
  function freshToken() {
    return fetch(location.pathname, { credentials: "same-origin" }).then(function (response) {
      return response.ok && new URL(response.url).pathname !== loginPath ? response.text() : null;
    }).then(function (html) {
      var mine = document.querySelector("meta[name='_csrf']");
      var fresh = html && new DOMParser().parseFromString(html, "text/html").querySelector("meta[name='_csrf']");
      if (mine && fresh) {
        mine.content = fresh.content;
      }
    }).catch(function () {
      // Still offline: the save below fails again and says so.
    });
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var target = stateTarget(event);
    if (target) {
      target.textContent = texts.getAttribute("data-saving");
    }
  });

  document.addEventListener("htmx:beforeOnLoad", function (event) {
    var target = stateTarget(event);
    if (!target) {
      return;
    }
    var xhr = event.detail.xhr;
    var atLogin = xhr.responseURL && new URL(xhr.responseURL).pathname === loginPath;
    if (xhr.status === 200 && !atLogin) {
      target.closest(".entry").setAttribute("data-complete", complete(formOf(target)) ? "true" : "false");
      refreshProgress();
      return;
    }
    if (xhr.status === 409 || xhr.status === 422) {
      return; // the server's answer says why it was not saved, and is shown as it is
    }
    // Anything else was not saved: no swap, and no reload (HX-Refresh) that would lose what was typed.
    event.preventDefault();
    event.detail.successful = false;
    var code = "HTTP " + (atLogin ? 401 : xhr.status);
    if (atLogin || xhr.status === 401 || xhr.getResponseHeader("HX-Refresh")) {
      failed(target, format(texts.getAttribute("data-session"), code), true);
    }
    else if (xhr.status === 403) {
      failed(target, format(texts.getAttribute("data-forbidden"), code), true);
    }
    else {
      failed(target, format(texts.getAttribute("data-server"), code), false);
    }
  });

  document.addEventListener("htmx:sendError", function (event) {
    var target = stateTarget(event);
    if (target) {
      failed(target, texts.getAttribute("data-network"), false);
    }
  });
})();
