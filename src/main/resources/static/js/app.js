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
