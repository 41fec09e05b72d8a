/*
 * A button that prints the page (the attendance list). A file of its own, not an onclick
 * attribute: the Content-Security-Policy allows no inline script.
 */
(function () {
  "use strict";

  Array.prototype.forEach.call(document.querySelectorAll("[data-print-button]"), function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
