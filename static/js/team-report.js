/*
 * Patrol-report form: a quiet round ("rustige ronde") hides the further
 * questions, which it does not ask. Without this script every question is
 * shown, with a note that a quiet round may skip them; the server ignores
 * them either way. After "Nog een melding toevoegen" the new row gets focus.
 */
(function () {
  "use strict";

  var form = document.querySelector(".report-form");
  var full = document.getElementById("volledig-verslag");
  if (!form || !full) {
    return;
  }
  var kinds = form.querySelectorAll('input[name="report_kind"]');
  var note = full.querySelector(".report-form__quiet-note");

  function update() {
    var quiet = form.querySelector('input[name="report_kind"][value="rustig"]:checked') !== null;
    full.hidden = quiet;
    if (note) {
      note.hidden = true;
    }
  }

  Array.prototype.forEach.call(kinds, function (input) {
    input.addEventListener("change", update);
  });
  update();

  // The row the button just added: put the cursor in its first field. The address's fragment
  // names that field too; the browser's own scroll to it comes after this script, so wait for it.
  var added = document.getElementById("nieuwe-melding");
  if (added && !form.querySelector(".error-summary")) {
    var first = added.querySelector("select, input:not([type=hidden]), textarea");
    if (first) {
      window.addEventListener("load", function () {
        window.setTimeout(function () {
          if (document.activeElement !== first) {
            first.focus();
          }
        }, 0);
      });
    }
  }
})();
