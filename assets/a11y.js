/* Twinning Atlas: keyboard and screen-reader repairs for third-party widgets, and the table's keyboard actions.

   Dash serves this file from assets/ like sharing.js (a file of this server: the Content-Security-Policy allows
   it). Each repair says what the widget renders (Dash 4.4, dash-ag-grid 35) and why it is changed; they run on
   every change of the page (the widgets re-render), and each is idempotent.

   - Checklist and RadioItems render role="listbox" around <label role="option"> wrapping a native checkbox or
     radio: a listbox with no name holding focusable options (axe: aria-input-field-name, nested-interactive).
     The native inputs already say what they are, so the options lose their role and the list becomes a named
     radiogroup (radios) or group (checkboxes), named by the field's label.
   - Dropdown puts the Tab stop on a hidden <input aria-hidden="true" tabindex="0"> that forwards the focus to its
     button (axe: aria-hidden-focus), and names the button by its value only ("Any"), not by its field's label.
     The button becomes the Tab stop and is named "<label> <value>".
   - Upload's file input (focusable, transparent) has no name: it gets the drop zone's own words.
   - AG Grid's grid has no name: it is named by the heading of its section.
   - Closing the city panel hides its close button: the focus moves to the panel instead of the page's start.
   - The Embed and Export dialogs take the focus when they open and give it back to their button when they close.
   - Dash's index page holds its scripts in a <footer>, a second "contentinfo" landmark: it gets role="none".
*/
(function () {
  "use strict";

  var LABEL_SUFFIX = "-a11y-label";

  function labelId(element, fallback) {
    if (!element) { return null; }
    if (!element.id) { element.id = fallback; }
    return element.id;
  }

  function fieldLabel(control) {
    // The <label for=id> of a control, else the field label just before it (a <span class="field-label">).
    if (control.id) {
      var label = document.querySelector('label[for="' + CSS.escape(control.id) + '"]');
      if (label) { return labelId(label, control.id + LABEL_SUFFIX); }
    }
    var previous = control.previousElementSibling;
    if (previous && previous.classList.contains("field-label")) {
      return labelId(previous, (control.id || "field") + LABEL_SUFFIX);
    }
    return null;
  }

  function repairOptionList(list) {
    var radios = list.querySelector('input[type="radio"]') !== null;
    var role = radios ? "radiogroup" : "group";
    if (list.getAttribute("role") !== role) { list.setAttribute("role", role); }
    var options = list.querySelectorAll('[role="option"], [aria-selected]');
    for (var i = 0; i < options.length; i++) {
      options[i].removeAttribute("role");
      options[i].removeAttribute("aria-selected");
    }
    if (!list.hasAttribute("aria-labelledby") && !list.hasAttribute("aria-label")) {
      var wrapper = list.closest(".dash-dropdown-wrapper");
      var button = wrapper && wrapper.querySelector("button.dash-dropdown");
      var name = button ? fieldLabel(button) : fieldLabel(list);
      if (name) { list.setAttribute("aria-labelledby", name); }
    }
  }

  function repairDropdown(wrapper) {
    var target = wrapper.querySelector(".dash-dropdown-focus-target");
    var button = wrapper.querySelector("button.dash-dropdown");
    if (!button) { return; }
    if (target && target.tabIndex !== -1) { target.tabIndex = -1; }
    if (button.tabIndex !== 0 && !button.disabled) { button.tabIndex = 0; }
    var name = fieldLabel(button);
    var labelledby = button.getAttribute("aria-labelledby") || "";
    if (name && labelledby.split(/\s+/)[0] !== name) {
      button.setAttribute("aria-labelledby", (name + " " + labelledby).trim());
    }
  }

  function repairUpload(input) {
    if (input.hasAttribute("aria-label")) { return; }
    var zone = input.parentElement;
    var words = zone ? (zone.innerText || zone.textContent).replace(/\s+/g, " ").trim() : "";
    if (words) { input.setAttribute("aria-label", words); }
  }

  function repairGrid(grid) {
    if (grid.hasAttribute("aria-labelledby") || grid.hasAttribute("aria-label")) { return; }
    var section = grid.closest("section");
    var heading = section && section.querySelector("h1, h2, h3");
    if (heading) { grid.setAttribute("aria-labelledby", labelId(heading, "grid" + LABEL_SUFFIX)); }
  }

  function repairAll() {
    var i, found;
    found = document.querySelectorAll(".dash-options-list");
    for (i = 0; i < found.length; i++) { repairOptionList(found[i]); }
    found = document.querySelectorAll(".dash-dropdown-wrapper");
    for (i = 0; i < found.length; i++) { repairDropdown(found[i]); }
    found = document.querySelectorAll('.upload-drop input[type="file"]');
    for (i = 0; i < found.length; i++) { repairUpload(found[i]); }
    found = document.querySelectorAll('.ag-root[role="grid"]');
    for (i = 0; i < found.length; i++) { repairGrid(found[i]); }
  }

  var scheduled = false;
  function schedule() {
    if (scheduled) { return; }
    scheduled = true;
    // A microtask, not a frame: the repair lands before anything else reads the page (screen readers, axe).
    Promise.resolve().then(function () { scheduled = false; repairAll(); });
  }

  function start() {
    // Dash's page wraps its own scripts in a <footer>: a second contentinfo landmark beside the page's footer.
    var scripts = document.querySelectorAll("body > footer");
    for (var i = 0; i < scripts.length; i++) {
      if (!scripts[i].querySelector(":not(script)")) { scripts[i].setAttribute("role", "none"); }
    }
    repairAll();
    new MutationObserver(schedule).observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["role", "aria-selected", "tabindex", "aria-labelledby"],
    });
    new MutationObserver(followDialogs).observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: ["open"],
    });
  }

  // The Embed and Export dialogs (non-modal <dialog>s opened through Dash): opening one moves the focus into it,
  // closing it (its × button, Escape) brings the focus back to the button that opened it.
  var openers = new WeakMap();
  function followDialogs(records) {
    records.forEach(function (record) {
      var dialog = record.target;
      if (!(dialog instanceof HTMLDialogElement)) { return; }
      var focused = document.activeElement;
      if (dialog.open) {
        if (dialog.contains(focused)) { return; }
        openers.set(dialog, focused);
        var first = dialog.querySelector('button, input, textarea, a[href], [tabindex]:not([tabindex="-1"])');
        if (first) { first.focus(); }
      } else {
        var opener = openers.get(dialog);
        var lost = !focused || focused === document.body || dialog.contains(focused);
        if (opener && lost && document.contains(opener)) { opener.focus(); }
      }
    });
  }

  // Closing the panel hides its button, which had the focus: move it to the panel, which says it is empty now.
  document.addEventListener("click", function (event) {
    var close = event.target instanceof Element ? event.target.closest("#panel-close") : null;
    if (!close) { return; }
    var card = document.getElementById("panel-card");
    if (card) { setTimeout(function () { card.focus({preventScroll: true}); }, 0); }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }

  /* The ties table with the keyboard (dash-ag-grid `eventListeners`, layout.table_card). AG Grid moves the focus
     between cells with the arrow keys and selects the focused row with Space; Enter does the same here, as a click
     does. A place cell (Place A, Place B), clicked or with Enter, reports {tie, end} as the grid's eventData: the
     selection callback opens that place's panel (dashboard/callbacks/selection.py).
     Both the row's selection (selectedRows) and eventData trigger that callback, and Dash keeps only the answer to
     its latest call: the place is reported last. dash-ag-grid sends selectedRows from a 1 ms timer set when the
     selection changes, so a 50 ms timer set after the selection fires after it. */
  var PLACE_COLUMNS = {city_a: "a", city_b: "b"};
  var REPORT_DELAY_MS = 50;
  window.dashAgGridFunctions = window.dashAgGridFunctions || {};
  window.dashAgGridFunctions.atlasTableEvent = function (params, setEventData) {
    var event = params.event;
    var keyboard = event && event.type === "keydown";
    if (keyboard && event.key !== "Enter") { return; }
    if (!params.node || !params.node.data || !params.column) { return; }
    if (keyboard && !params.node.isSelected()) { params.node.setSelected(true); }
    var end = PLACE_COLUMNS[params.column.getColId()];
    if (!end) { return; }
    var tie = String(params.node.id);
    setTimeout(function () { setEventData({tie: tie, end: end}); }, REPORT_DELAY_MS);
  };
})();
