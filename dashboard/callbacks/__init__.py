"""Callbacks, one module per feature, registered with `dash.callback` when imported."""

from dashboard.callbacks import counts, filters, map, panel, selection, table  # noqa: F401
