/* Twinning Atlas: browser-side helpers of the "Present this view" bar (callbacks in dashboard/callbacks/share.py):
   open and close its dialogs, copy a link, snippet or citation, and draw images of the current view with plotly.js
   from the presentation figure the server builds (/export/figure.json), title, legend and sources baked in. */
(function () {
  "use strict";

  function noUpdate() { return window.dash_clientside.no_update; }

  function copyByHand(value) {
    // Outside a secure context (plain http on a LAN) the Clipboard API is missing: select a hidden textarea.
    var area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    document.body.removeChild(area);
    return copied;
  }

  function settle(buttonId, state) {
    // The state shows for two seconds (CSS marks the button), then the button reads as before.
    window.setTimeout(function () {
      window.dash_clientside.set_props(buttonId, {"data-state": ""});
    }, 2000);
    return state;
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    atlasShare: {
      toggleDialog: function (openClicks, closeClicks) {
        var triggered = window.dash_clientside.callback_context.triggered_id || "";
        return /-open$/.test(String(triggered));
      },

      copyText: function (clicks, sourceId) {
        var node = document.getElementById(sourceId);
        var buttonId = window.dash_clientside.callback_context.triggered_id;
        if (!node) { return noUpdate(); }
        var value = (node.tagName === "INPUT" || node.tagName === "TEXTAREA") ? node.value : node.innerText;
        value = String(value || "").trim();
        if (navigator.clipboard && window.isSecureContext) {
          return navigator.clipboard.writeText(value).then(
            function () { return settle(buttonId, "copied"); },
            function () { return settle(buttonId, copyByHand(value) ? "copied" : "failed"); }
          );
        }
        return settle(buttonId, copyByHand(value) ? "copied" : "failed");
      },

      downloadImage: function (pngClicks, svgClicks, shareQuery, title, size, hidpi, statusId, svgId) {
        var status = document.getElementById(statusId);
        var say = status ? status.dataset : {working: "", done: "{name}", failed: "{error}"};
        var format = window.dash_clientside.callback_context.triggered_id === svgId ? "svg" : "png";
        var params = new URLSearchParams(String(shareQuery || "").replace(/^\?/, ""));
        if (title && title.trim()) { params.set("title", title.trim()); }
        params.set("size", size || "1920x1080");
        var scale = format === "png" && (hidpi || []).length ? 2 : 1;
        var name = "twinning-atlas-" + (size || "1920x1080") + (scale === 2 ? "@2x" : "");
        if (!window.Plotly) { return say.failed.replace("{error}", "plotly.js is not loaded yet"); }
        window.dash_clientside.set_props(statusId, {children: say.working});
        return fetch("export/figure.json?" + params.toString())
          .then(function (response) {
            if (!response.ok) { throw new Error("HTTP " + response.status); }
            return response.json();
          })
          .then(function (figure) {
            return window.Plotly.downloadImage(figure, {
              format: format, width: figure.layout.width, height: figure.layout.height, scale: scale, filename: name
            });
          })
          .then(function () { return say.done.replace("{name}", name + "." + format); })
          .catch(function (error) { return say.failed.replace("{error}", (error && error.message) || String(error)); });
      }
    }
  });

  // Escape closes an open dialog of the bar, through Dash so that its `open` prop stays true to the page.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    document.querySelectorAll("dialog.share-dialog[open]").forEach(function (dialog) {
      window.dash_clientside.set_props(dialog.id, {open: false});
    });
  });
})();
