/*
 * The table holds every bundled tie's row, fetched once per page and language from the rows pack, and shows the
 * rows in view through AG Grid's external filter: a filter change sends which rows are in view (a bitset or row
 * numbers, see dashboard/figures/references.py), never the rows themselves. Your uploaded ties in view come whole
 * with each view and are shown first; shown alone, they are the only rows.
 */
(function () {
  "use strict";
  var TABLE_ID = "ties-table";
  var MAP_WAIT_MS = 6000; // the longest the table waits for the map of its view
  // What the grid holds now, which of its bundled rows are in view, and the latest view asked for.
  var shown = { inView: null, key: null, turn: 0 };

  function loadRows(url) {
    // {size, rows in the table's order}, each row knowing its tie's row in the index (what a view's bitset names).
    return window.dash_clientside.ties.fetchPack(url, function (pack) {
      var order = new Int32Array(window.dash_clientside.ties.bytesOf(pack.order.bdata).buffer);
      var ordered = new Array(order.length);
      for (var i = 0; i < order.length; i++) {
        var row = pack.rows[order[i]];
        row._row = order[i];
        ordered[i] = row;
      }
      return { size: pack.size, ordered: ordered };
    });
  }

  function inViewOf(spec, size) {
    var inView = new Uint8Array(size);
    var rows = window.dash_clientside.ties.rowsOf(spec);
    for (var i = 0; i < rows.length; i++) { inView[rows[i]] = 1; }
    return inView;
  }

  function withGrid(act) {
    var grid = window.dash_ag_grid;
    if (grid && grid.getApiAsync) { grid.getApiAsync(TABLE_ID).then(act); }
  }

  function listen(api) {
    // AG Grid asks whether an external filter is present only when told the filter changed, so tell it whenever
    // new rows land (they land after set_props returns). The grid shows "Loading…" (its `loading` option, set in
    // the layout) until the first rows land, not "No ties in view" while the rows pack is on its way.
    if (api.atlasRefilters) { return; }
    api.addEventListener("rowDataUpdated", function () {
      api.onFilterChanged();
      api.setGridOption("loading", false);
    });
    api.atlasRefilters = true;
  }

  function refilter() {
    withGrid(function (api) { listen(api); api.onFilterChanged(); });
  }

  function setRows(rows) {
    window.dash_clientside.set_props(TABLE_ID, { rowData: rows });
    refilter();
  }

  function fill(view, pack) {
    // Show the view's rows: the grid's rows replaced only when they are others (yours changed, or the language).
    var bundled = view.rows !== null && view.rows !== undefined;
    shown.inView = bundled ? inViewOf(view.rows, pack.size) : null;
    var yours = view.yours || [];
    var key = view.pack + (bundled ? "|bundled|" : "|alone|") + yours.map(function (r) { return r.partnership_id; }).join(",");
    if (key === shown.key) { refilter(); return; } // the same rows: only which are in view changed
    shown.key = key;
    setRows(yours.concat(bundled ? pack.ordered : []));
  }

  function show(view) {
    // Returns at once and fills the grid later (dash_clientside.set_props): a callback still waiting would hold
    // up Dash's other callbacks, the map's among them.
    if (!view) { return window.dash_clientside.no_update; }
    withGrid(listen); // before the first rows land, so that landing ends the loading state
    var turn = ++shown.turn;
    // The map of the same view first: the rows (11 MB of JSON to read on the first load) and the grid's filtering
    // would otherwise hold up its drawing.
    var mapFirst = window.dash_clientside.ties.whenDrawn(view.query || "", MAP_WAIT_MS);
    if (!view.pack) { // a dataset too big to pack: the rows in view come with the view
      mapFirst.then(function () {
        if (turn !== shown.turn) { return; }
        shown.inView = null;
        shown.key = null;
        setRows(view.yours || []);
      });
      return window.dash_clientside.no_update;
    }
    mapFirst.then(function () { return loadRows(view.pack); }).then(function (pack) {
      if (turn === shown.turn) { fill(view, pack); } // a later view has not overtaken this one
    }).catch(function (error) {
      if (window.console) { console.error(error); }
      shown.key = null;
      setRows(view.yours || []);
    });
    return window.dash_clientside.no_update;
  }

  window.dashAgGridFunctions = window.dashAgGridFunctions || {};
  window.dashAgGridFunctions.atlasTableFiltered = function () { return shown.inView !== null; };
  window.dashAgGridFunctions.atlasTableRowInView = function (params) {
    var row = params.data && params.data._row;
    return row === undefined || shown.inView[row] === 1; // your rows carry no _row: they come already filtered
  };
  window.dash_clientside = Object.assign({}, window.dash_clientside, { tiesTable: { show: show } });
})();
