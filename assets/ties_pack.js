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
  var packs = {}; // URL -> Promise of the decoded pack

  function bytesOf(base64) {
    var raw = atob(base64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }

  function float32Of(spec) {
    return new Float32Array(bytesOf(spec.bdata).buffer);
  }

  function loadPack(url) {
    if (!packs[url]) {
      packs[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error("ties pack: HTTP " + response.status); }
        return response.json();
      }).then(function (pack) {
        ["lon_a", "lat_a", "lon_b", "lat_b", "mid_lon", "mid_lat"].forEach(function (name) {
          pack[name] = float32Of(pack[name]);
        });
        return pack;
      });
      packs[url].catch(function () { delete packs[url]; }); // a later change tries again
    }
    return packs[url];
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

  function filled(figure, pack) {
    // The figure with every reference replaced by the arrays it names.
    var data = (figure.data || []).map(function (trace) {
      var ref = trace[REFERENCE_KEY];
      if (!ref) { return trace; }
      var copy = Object.assign({}, trace);
      delete copy[REFERENCE_KEY];
      var rows = rowsOf(ref.rows);
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
    var data = (figure.data || []).filter(function (trace) { return !trace[REFERENCE_KEY]; });
    return { data: data, layout: layout };
  }

  function draw(drawing) {
    if (!drawing || !drawing.figure) { return window.dash_clientside.no_update; }
    var figure = drawing.figure;
    var named = (figure.data || []).some(function (trace) { return trace[REFERENCE_KEY]; });
    if (!named) { return figure; } // nothing to fill in (e.g. your ties alone)
    return loadPack(drawing.pack).then(function (pack) {
      return filled(figure, pack);
    }).catch(function (error) {
      if (window.console) { console.error(error); }
      return failedFigure(figure, drawing.failed || "The ties could not be loaded: reload the page.");
    });
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    ties: { draw: draw, rowsOf: rowsOf, bytesOf: bytesOf, loadPack: loadPack, filled: filled }
  });
})();
