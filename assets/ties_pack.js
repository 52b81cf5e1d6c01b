/*
 * The ties pack, fetched once per page and language, fills in the map's traces of ties.
 *
 * On a filter change the server sends the map figure with each trace of ties naming its rows ("_ties": a bitset
 * or a list of row numbers, see dashboard/figures/references.py) instead of carrying their coordinates; this
 * file turns the rows into the arrays plotly.js draws: an arc's lon/lat (A, B, gap per tie), or a midpoint
 * marker's points, hover texts and click ids.
 */
(function () {
  "use strict";
  var REFERENCE_KEY = "_ties";
  var PLACES_KEY = "_places";
  var packs = {}; // URL -> Promise of the pack, made ready
  var drawn = {}; // view query -> {promise, resolve}: settled once the map of that view has been handed to Plotly

  function bytesOf(base64) {
    var raw = atob(base64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }

  function float32Of(spec) {
    return new Float32Array(bytesOf(spec.bdata).buffer);
  }

  function fetchPack(url, prepare) {
    // A pack fetched once per URL and made ready by `prepare`: a Promise, kept unless it fails (a later change
    // tries again). The table's rows pack (assets/ties_table.js) comes through here too.
    if (!packs[url]) {
      packs[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error(url + ": HTTP " + response.status); }
        return response.json();
      }).then(prepare);
      packs[url].catch(function () { delete packs[url]; });
    }
    return packs[url];
  }

  function loadPack(url) {
    return fetchPack(url, function (pack) {
      ["lon_a", "lat_a", "lon_b", "lat_b", "mid_lon", "mid_lat", "place_lon", "place_lat"].forEach(function (name) {
        pack[name] = float32Of(pack[name]);
      });
      return pack;
    });
  }

  function rowsOf(spec) {
    // The rows a reference names, ascending: uint32 row numbers, or the set bits of a little-endian bitset.
    if (spec.rows !== undefined) { return new Uint32Array(bytesOf(spec.rows).buffer); }
    var bits = bytesOf(spec.bits);
    var rows = new Uint32Array(spec.n);
    var k = 0;
    for (var j = 0; j < bits.length; j++) {
      var b = bits[j];
      while (b) {
        var low = b & -b;
        rows[k++] = j * 8 + (31 - Math.clz32(low));
        b ^= low;
      }
    }
    return rows;
  }

  function arcArrays(pack, rows) {
    var lon = new Float32Array(3 * rows.length).fill(NaN);
    var lat = new Float32Array(3 * rows.length).fill(NaN);
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      lon[3 * i] = pack.lon_a[r]; lon[3 * i + 1] = pack.lon_b[r];
      lat[3 * i] = pack.lat_a[r]; lat[3 * i + 1] = pack.lat_b[r];
    }
    return { lon: lon, lat: lat };
  }

  function midpointArrays(pack, rows) {
    var n = rows.length;
    var out = { lon: new Float32Array(n), lat: new Float32Array(n), text: new Array(n), customdata: new Array(n) };
    for (var i = 0; i < n; i++) {
      var r = rows[i];
      out.lon[i] = pack.mid_lon[r];
      out.lat[i] = pack.mid_lat[r];
      out.text[i] = pack.hover[r];
      out.customdata[i] = pack.tie_token + pack.ids[r];
    }
    return out;
  }

  var RAD = Math.PI / 180, DEG = 180 / Math.PI, MOST_ALONG = 48; // as numpy's radians and degrees

  function unitVector(lon, lat) {
    var lam = lon * RAD, phi = lat * RAD;
    return [Math.cos(phi) * Math.cos(lam), Math.cos(phi) * Math.sin(lam), Math.sin(phi)];
  }

  function alongArrays(pack, rows, spacing) {
    // Hover points strictly between the ends of each tie, about `spacing` degrees apart (1 to 48 per tie), each
    // with its tie's position in `rows`: geodata/arcs.py `points_along`, which the server's tests compare with.
    var lon = [], lat = [], position = [];
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var a = unitVector(pack.lon_a[r], pack.lat_a[r]), b = unitVector(pack.lon_b[r], pack.lat_b[r]);
      var dot = Math.min(1, Math.max(-1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2]));
      var w = Math.acos(dot);
      if (isNaN(w)) { continue; }
      var count = Math.min(MOST_ALONG, Math.max(1, Math.trunc((w * DEG) / Math.max(spacing, 1e-6))));
      var sinW = Math.sin(w) < 1e-12 ? 1.0 : Math.sin(w);
      for (var k = 0; k < count; k++) {
        var t = (k + 1) / (count + 1);
        var v = a;
        if (w >= 1e-9) {
          var sa = Math.sin((1 - t) * w), sb = Math.sin(t * w);
          v = [(sa * a[0] + sb * b[0]) / sinW, (sa * a[1] + sb * b[1]) / sinW, (sa * a[2] + sb * b[2]) / sinW];
        }
        lon.push(Math.atan2(v[1], v[0]) * DEG);
        lat.push(Math.asin(Math.min(1, Math.max(-1, v[2]))) * DEG);
        position.push(i);
      }
    }
    return { lon: new Float32Array(lon), lat: new Float32Array(lat), customdata: new Int32Array(position) };
  }

  var UNSIGNED = { u2: Uint16Array, u4: Uint32Array };

  function countsOf(spec) {
    // Small counts as the server packs them (dashboard/figures/references.py `small_ints`): uint16 or uint32.
    return new UNSIGNED[spec.dtype](bytesOf(spec.bdata).buffer);
  }

  function placeCodesOf(ref) {
    // The dots' place codes: two ascending runs (listed-only places, then from `split` on the cited ones, drawn
    // on top), each sent as differences from the code before it: small numbers, sent as uint16.
    var steps = countsOf(ref.codes);
    var codes = new Int32Array(steps.length);
    for (var i = 0; i < steps.length; i++) {
      codes[i] = (i === 0 || i === ref.split ? 0 : codes[i - 1]) + steps[i];
    }
    return codes;
  }

  function placeArrays(pack, ref) {
    // The place dots, as dashboard/figures/references.py `place_arrays` makes them: cited places dark and sized
    // by their cited ties, listed-only places small and light.
    var codes = placeCodesOf(ref), n = countsOf(ref.n), cited = countsOf(ref.cited);
    var count = codes.length;
    var out = {
      lon: new Float32Array(count), lat: new Float32Array(count), text: new Array(count),
      hovertext: new Array(count), customdata: new Array(count)
    };
    var size = new Float32Array(count), color = new Uint8Array(count);
    var opacity = new Float32Array(count), lineWidth = new Float32Array(count);
    for (var i = 0; i < count; i++) {
      var code = codes[i], isCited = cited[i] > 0;
      var label = pack.place_labels[code];
      out.lon[i] = pack.place_lon[code];
      out.lat[i] = pack.place_lat[code];
      size[i] = isCited ? Math.min(5.0 + 2.5 * Math.sqrt(cited[i]), 24.0) : Math.min(2.5 + 0.4 * Math.sqrt(n[i]), 5.5);
      color[i] = isCited ? 1 : 0;
      opacity[i] = isCited ? 0.9 : 0.8;
      lineWidth[i] = isCited ? 0.8 : 0.0;
      var words = isCited ? pack.place_hover.cited : pack.place_hover.listed;
      out.text[i] = label;
      out.hovertext[i] = "<b>" + label + "</b><br>" + words.replace("{n}", String(n[i])).replace("{cited}", String(cited[i]));
      out.customdata[i] = [code, n[i]];
    }
    out.marker = {
      size: size, color: color, colorscale: [[0, pack.place_colors[0]], [1, pack.place_colors[1]]],
      cmin: 0, cmax: 1, showscale: false, opacity: opacity, line: { color: "#ffffff", width: lineWidth }
    };
    return out;
  }

  function filled(figure, pack) {
    // The figure with every reference replaced by the arrays it names.
    var data = (figure.data || []).map(function (trace) {
      var ref = trace[REFERENCE_KEY], places = trace[PLACES_KEY];
      if (!ref && !places) { return trace; }
      var copy = Object.assign({}, trace);
      delete copy[REFERENCE_KEY];
      delete copy[PLACES_KEY];
      if (places) { return Object.assign(copy, placeArrays(pack, places)); }
      var rows = rowsOf(ref.rows);
      if (ref.part === "along") { return Object.assign(copy, alongArrays(pack, rows, ref.spacing)); }
      return Object.assign(copy, ref.part === "arc" ? arcArrays(pack, rows) : midpointArrays(pack, rows));
    });
    return Object.assign({}, figure, { data: data });
  }

  function failedFigure(figure, message) {
    // The map without its ties, saying so, when the pack could not be fetched (the next change tries again).
    var layout = Object.assign({}, figure.layout);
    layout.annotations = (layout.annotations || []).concat([{
      text: message, showarrow: false, xref: "paper", yref: "paper", x: 0.5, y: 0.5,
      bgcolor: "#ffffff", bordercolor: "#8b0000", borderwidth: 1, font: { color: "#8b0000", size: 14 }
    }]);
    var data = (figure.data || []).filter(function (trace) { return !trace[REFERENCE_KEY] && !trace[PLACES_KEY]; });
    return { data: data, layout: layout };
  }

  function drawnEntry(query) {
    if (!drawn[query]) {
      var entry = {};
      entry.promise = new Promise(function (resolve) { entry.resolve = resolve; });
      drawn[query] = entry;
    }
    return drawn[query];
  }

  var handed = []; // views whose figures were handed to Dash and wait for Plotly to draw them
  var listening = false;

  function listen() {
    // Once the graph exists, each Plotly draw settles the views handed to it (its first draw waits for the base
    // map to load, so the end of this callback is not the end of the drawing).
    if (listening) { return; }
    var gd = document.querySelector("#map-graph .js-plotly-plot");
    if (!gd || !gd.on) { requestAnimationFrame(listen); return; }
    listening = true;
    gd.on("plotly_afterplot", function () {
      var done = handed;
      handed = [];
      // After the frame that shows the new map: what waits for it (the table's filtering) must not delay it.
      requestAnimationFrame(function () {
        setTimeout(function () { done.forEach(function (entry) { entry.resolve(); }); }, 0);
      });
    });
  }

  function markDrawn(query) {
    var entry = drawnEntry(query);
    handed.push(entry);
    listen();
    setTimeout(entry.resolve, 5000); // a figure Plotly had already drawn: no draw will come
    setTimeout(function () { if (drawn[query] === entry) { delete drawn[query]; } }, 10000);
  }

  function whenDrawn(query, timeoutMs) {
    // Settles once the map of the view `query` has been drawn, or after `timeoutMs` (a map that is not redrawn).
    return Promise.race([
      drawnEntry(query).promise,
      new Promise(function (resolve) { setTimeout(resolve, timeoutMs); })
    ]);
  }

  function draw(drawing, drawnBefore) {
    // [the figure filled in, the view drawn]: the view only when it changed (a new colouring or selection redraws
    // the map, but the counts and the table of the view stay as they are).
    var no = window.dash_clientside.no_update;
    if (!drawing || !drawing.figure) { return [no, no]; }
    var figure = drawing.figure;
    var query = drawing.query || "";
    var view = query === drawnBefore ? no : query;
    var named = (figure.data || []).some(function (trace) { return trace[REFERENCE_KEY] || trace[PLACES_KEY]; });
    if (!named) { markDrawn(query); return [figure, view]; } // nothing to fill in (e.g. your ties alone)
    return loadPack(drawing.pack).then(function (pack) {
      return filled(figure, pack);
    }).catch(function (error) {
      if (window.console) { console.error(error); }
      return failedFigure(figure, drawing.failed || "The ties could not be loaded: reload the page.");
    }).then(function (result) {
      markDrawn(query);
      return [result, view];
    });
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    ties: {
      draw: draw, whenDrawn: whenDrawn, fetchPack: fetchPack, rowsOf: rowsOf, bytesOf: bytesOf, loadPack: loadPack,
      filled: filled
    }
  });
})();
