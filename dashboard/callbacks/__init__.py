"""Callbacks, one module per feature, registered with `dash.callback` when imported."""

from dashboard.callbacks import (  # noqa: F401
    counts,
    drawn,
    filters,
    language,
    map,
    networks,
    panel,
    selection,
    share,
    table,
    upload,
)
