// Progressive enhancement only: every form works without this file.
// Votes are sent in the background and the counts updated in place; on any problem the
// browser falls back to submitting the form normally.
(function () {
  "use strict";
  // A form sent back with errors: move focus to their summary (role=alert), so a screen reader
  // reads it out and the next Tab leads to the fields to correct.
  var errors = document.getElementById("form-errors");
  if (errors) errors.focus();

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-enhance=vote]") || !window.fetch) return;
    var button = event.submitter;
    if (!button || button.name !== "value") return;
    event.preventDefault();
    var data = new FormData(form);
    data.append("value", button.value);
    fetch(form.action, {
      method: "POST",
      body: data,
      headers: { "Accept": "application/json", "X-Requested-With": "fetch" },
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) throw new Error("vote refused");
      return response.json();
    }).then(function (result) {
      ["agree", "disagree", "pass"].forEach(function (key) {
        var count = form.querySelector("[data-count=" + key + "]");
        if (count) count.textContent = result.counts_display[key];
      });
      form.querySelectorAll("button[name=value]").forEach(function (b) {
        b.setAttribute("aria-pressed", b.value === result.value ? "true" : "false");
      });
      var status = form.querySelector("[role=status]");
      if (!status) {
        status = document.createElement("span");
        status.setAttribute("role", "status");
        status.className = "visually-hidden";
        form.appendChild(status);
      }
      status.textContent = result.message;
    }).catch(function () {
      var hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = "value";
      hidden.value = button.value;
      form.appendChild(hidden);
      form.submit();
    });
  });
})();
