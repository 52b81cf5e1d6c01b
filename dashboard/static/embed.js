/* Twinning Atlas: draws the map of an embedded or exported view. The figure travels in the page as a JSON data
   block, so the page needs no inline script (a strict Content-Security-Policy can allow this file alone). */
(function () {
  "use strict";
  function draw() {
    var data = document.getElementById("atlas-figure");
    var target = document.getElementById("atlas-map");
    if (!data || !target || !window.Plotly) { return; }
    var figure = JSON.parse(data.textContent);
    window.Plotly.newPlot(target, figure.data, figure.layout, figure.config);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
