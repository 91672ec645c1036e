// The admin's autocomplete pickers (select2) draw a combobox named by the text of the
// current choice, which is empty until one is made, and a picker of several draws a search
// field with no name: name each by its field's label, so screen readers say what it picks.
"use strict";
function sdbNamePickers() {
  document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
    const label = document.querySelector('label[for="' + select.id + '"]');
    const box = select.parentElement.querySelector(".select2-selection");
    if (!label || !box) {
      return;
    }
    label.id = label.id || select.id + "-label";
    box.setAttribute("aria-labelledby", label.id);
    const shown = box.querySelector(".select2-selection__rendered");
    if (shown) {
      shown.setAttribute("aria-labelledby", label.id);
    }
    // A picker of several (the symptoms an article covers) types into a search field inside
    // the box: it is named by the same label.
    box.querySelectorAll(".select2-search__field").forEach(function (field) {
      field.setAttribute("aria-labelledby", label.id);
    });
  });
}
window.addEventListener("load", function () {
  sdbNamePickers();
  // select2 may finish drawing just after the load event.
  window.setTimeout(sdbNamePickers, 0);
});
