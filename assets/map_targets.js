/* Twinning Atlas: hover and click on the map land where the user aimed.

   plotly.js answers a hover with the point nearest the cursor, counting a small marker under the cursor as nearer
   than a large one around it: a tie's midpoint marker (or the hover point of a tie, figures/hover_targets.py)
   lying over a city's dot would take the city's hover and click, and of two places at the same spot (an authority
   seated in a city) the one with fewer ties, whose dot is smaller, would win. Here:

   - a place dot under the cursor wins over any tie; of several dots under it, the place with most ties in view;
   - the invisible points along a tie (trace `meta` = the `uid` of its midpoint trace) show that tie's hover;
   - `atlas.resolveMapClick` (a clientside callback) turns plotly's clickData into what the user aimed at, in the
     same shape ({points: [{customdata}]}), so the server reads it like any click.

   Plotly.Fx.hover(gd, [{curveNumber, pointNumber}], "geo") draws the hover of a given point; the click that
   follows reports the hovered point.
*/
(function () {
  "use strict";

  var PLACES_GROUP = "places";
  var SLACK = 2;  // px around a dot that still counts as on it
  var pointer = null;  // the last pointer position over the page, in client coordinates
  var redirecting = false;

  document.addEventListener("pointermove", function (event) {
    pointer = { x: event.clientX, y: event.clientY };
  }, true);
  document.addEventListener("pointerdown", function (event) {
    pointer = { x: event.clientX, y: event.clientY };
  }, true);

  function mapPlot() {
    return document.querySelector("#map-graph .js-plotly-plot");
  }

  function traceGroups(gd) {
    // Each drawn scattergeo trace is a <g class="trace scattergeo"> whose data is its calcdata.
    return Array.prototype.slice.call(gd.querySelectorAll("g.trace.scattergeo"));
  }

  function placeUnder(gd, x, y) {
    // The place dot under (x, y) with most ties in view: {curveNumber, pointNumber, customdata}, or null.
    var best = null;
    traceGroups(gd).forEach(function (group) {
      var cd = group.__data__;
      var trace = cd && cd[0] && cd[0].trace;
      if (!trace || trace.legendgroup !== PLACES_GROUP || !trace.customdata) { return; }
      var points = group.querySelectorAll("path.point");
      for (var i = 0; i < points.length; i++) {
        var box = points[i].getBoundingClientRect();
        var radius = Math.max(box.width, box.height) / 2 + SLACK;
        var dx = x - (box.left + box.width / 2);
        var dy = y - (box.top + box.height / 2);
        if (dx * dx + dy * dy > radius * radius) { continue; }
        var number = points[i].__data__ && points[i].__data__.i;
        var custom = trace.customdata[number];
        if (!custom) { continue; }
        if (!best || custom[1] > best.customdata[1]) {
          best = { curveNumber: trace.index, pointNumber: number, customdata: custom };
        }
      }
    });
    return best;
  }

  function midpointOf(gd, point) {
    // For a hover point along a tie: {curveNumber, pointNumber, customdata} of its tie's midpoint marker.
    var uid = point.data && point.data.meta;
    if (typeof uid !== "string") { return null; }
    var data = gd._fullData || [];
    for (var i = 0; i < data.length; i++) {
      if (data[i].uid === uid) {
        var number = Number(point.customdata);
        return { curveNumber: i, pointNumber: number, customdata: (data[i].customdata || [])[number] };
      }
    }
    return null;
  }

  function aimedAt(gd, point) {
    // What the user aimed at when plotly reports `point`: a place under the pointer, else the tie it stands for.
    if (pointer) {
      var place = placeUnder(gd, pointer.x, pointer.y);
      if (place) { return place; }
    }
    if (point && point.data && typeof point.data.meta === "string" && point.data.hoverinfo === "none") {
      return midpointOf(gd, point);
    }
    return null;
  }

  function redirectHover(gd, event) {
    if (redirecting || !event || !event.points || !event.points.length) { return; }
    var point = event.points[0];
    var target = aimedAt(gd, point);
    if (!target || (target.curveNumber === point.curveNumber && target.pointNumber === point.pointNumber)) {
      return;
    }
    redirecting = true;
    try {
      window.Plotly.Fx.hover(gd, [{ curveNumber: target.curveNumber, pointNumber: target.pointNumber }], "geo");
    } finally {
      redirecting = false;
    }
  }

  function attach() {
    var gd = mapPlot();
    if (!gd || gd.__atlasTargets || typeof gd.on !== "function") { return; }
    gd.__atlasTargets = true;
    gd.on("plotly_hover", function (event) { redirectHover(gd, event); });
  }

  new MutationObserver(attach).observe(document.documentElement, { childList: true, subtree: true });

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.atlas = window.dash_clientside.atlas || {};
  window.dash_clientside.atlas.resolveMapClick = function (clickData) {
    // clickData as the server reads it, for what the user aimed at (a place under the pointer wins).
    if (!clickData || !clickData.points || !clickData.points.length) {
      return window.dash_clientside.no_update;
    }
    var gd = mapPlot();
    var point = clickData.points[0];
    var target = gd ? aimedAt(gd, { data: (gd._fullData || [])[point.curveNumber], customdata: point.customdata }) : null;
    var custom = target ? target.customdata : point.customdata;
    if (custom === undefined || custom === null) { return window.dash_clientside.no_update; }
    return { points: [{ customdata: custom }], at: Date.now() };
  };
})();
