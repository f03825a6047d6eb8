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

// The unit picker (templates/unit/picker.html): a match chosen becomes a hidden input of the form, shown by name with
// a button to remove it; one unit, or several when the picker is marked multiple. Arrow keys move between the search
// box and the matches; Enter in the search box searches instead of submitting the form.
(function () {
  "use strict";

  function searchBox(picker) {
    return picker.querySelector("input[type='search']");
  }

  function chosenItem(picker, id, name) {
    var item = document.createElement("li");
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = picker.getAttribute("data-picker-name");
    input.value = id;
    var label = document.createElement("span");
    label.textContent = name;
    var remove = document.createElement("button");
    remove.type = "button";
    remove.className = "picker-remove";
    remove.title = picker.getAttribute("data-picker-remove");
    remove.setAttribute("aria-label", remove.title + " " + name);
    remove.textContent = "\u00d7";
    item.append(input, label, " ", remove);
    return item;
  }

  function choose(option) {
    var picker = option.closest(".picker");
    var chosen = picker.querySelector(".picker-chosen");
    var id = option.getAttribute("data-id");
    if (picker.getAttribute("data-picker-multiple") !== "true") {
      chosen.replaceChildren();
    }
    var already = Array.prototype.some.call(chosen.querySelectorAll("input"), function (input) {
      return input.value === id;
    });
    if (!already) {
      chosen.append(chosenItem(picker, id, option.getAttribute("data-name")));
    }
    var district = picker.getAttribute("data-picker-district");
    var select = district ? document.querySelector(district) : null;
    if (select && option.getAttribute("data-parent")) {
      select.value = option.getAttribute("data-parent");
    }
    picker.querySelector(".picker-results").replaceChildren();
    var box = searchBox(picker);
    box.value = "";
    box.focus();
  }

  document.addEventListener("click", function (event) {
    var option = event.target.closest(".picker-option");
    if (option) {
      choose(option);
      return;
    }
    var remove = event.target.closest(".picker-remove");
    if (remove) {
      var picker = remove.closest(".picker");
      remove.closest("li").remove();
      searchBox(picker).focus();
    }
  });

  document.addEventListener("keydown", function (event) {
    var picker = event.target.closest ? event.target.closest(".picker") : null;
    if (!picker) {
      return;
    }
    var options = Array.prototype.slice.call(picker.querySelectorAll(".picker-option"));
    var at = options.indexOf(event.target);
    if (event.target.type === "search") {
      if (event.key === "Enter") {
        event.preventDefault();
        htmx.trigger(event.target, "search");
      }
      else if (event.key === "ArrowDown" && options.length) {
        event.preventDefault();
        options[0].focus();
      }
    }
    else if (at >= 0) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        var next = at + (event.key === "ArrowDown" ? 1 : -1);
        (next < 0 ? searchBox(picker) : options[Math.min(next, options.length - 1)]).focus();
      }
      else if (event.key === "Escape") {
        picker.querySelector(".picker-results").replaceChildren();
        searchBox(picker).focus();
      }
    }
  });
})();

// A choice that rules out another (data-excludes="value:radio-id"): a social contest can never be marked compulsory, so choosing
// it chooses "voluntary" and disables "compulsory". The server refuses it anyway; this keeps the form from offering it.
(function () {
  "use strict";
  function apply(select) {
    var rule = select.getAttribute("data-excludes").split(":");
    var excluded = document.getElementById(rule[1]);
    if (!excluded) {
      return;
    }
    var ruledOut = select.value === rule[0];
    excluded.disabled = ruledOut;
    if (ruledOut && excluded.checked) {
      excluded.checked = false;
      var other = excluded.form.querySelector("input[name='" + excluded.name + "']:not(#" + rule[1] + ")");
      if (other) {
        other.checked = true;
      }
    }
  }
  document.addEventListener("change", function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute("data-excludes")) {
      apply(event.target);
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-excludes]"), apply);
  });
})();
