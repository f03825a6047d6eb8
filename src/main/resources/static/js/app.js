// Behaviour shared by every page. Loaded as a file: the Content-Security-Policy allows no inline script.
(function () {
  "use strict";

  // htmx requests carry the CSRF token that Spring Security expects on every state-changing request.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("meta[name='_csrf']");
    var header = document.querySelector("meta[name='_csrf_header']");
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Forms marked data-confirm ask before they submit (disabling an account, resetting a password).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
})();

// Autosaving forms (the ledger's entries): what was typed in the last moments before the page is left
// or the browser closed is sent with a beacon, so no typing is lost. The server refuses a stale version
// as always, so a beacon never overwrites someone else's newer text.
(function () {
  "use strict";
  var dirty = new Set();

  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("hx-post")) {
      dirty.add(form);
    }
  });
  document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("hx-post")) {
      dirty.add(form);
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (form && event.detail.successful && form.tagName === "FORM") {
      dirty.delete(form);
    }
  });

  function flush() {
    var token = document.querySelector("meta[name='_csrf']");
    dirty.forEach(function (form) {
      var data = new URLSearchParams(new FormData(form));
      if (token) {
        data.set("_csrf", token.content);
      }
      navigator.sendBeacon(form.getAttribute("action"), data);
    });
    dirty.clear();
  }

  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      flush();
    }
  });
})();
