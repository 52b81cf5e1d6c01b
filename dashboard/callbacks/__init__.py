"""Callbacks, one module per feature, registered with `dash.callback` when imported."""

from dashboard.callbacks import counts, filters, map, networks, panel, selection, share, table, upload  # noqa: F401
