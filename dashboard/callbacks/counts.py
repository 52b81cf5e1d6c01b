"""The counts strip and the line that says what the filters hide."""

from __future__ import annotations

from dash import Input, Output, State, callback

from dashboard import i18n, ids, summary
from dashboard.dataset import Atlas, current_atlas
from dashboard.urlstate import parse_query


def counts_for_view(atlas: Atlas, query: str | None) -> tuple[list, str]:
    """The counts strip's content and the hidden-ties line of a view."""
    view = parse_query(query).view
    mask = atlas.index.mask(view)
    counts = atlas.index.counts(mask)
    strip = summary.counts_strip(counts, summary.tier_counts(atlas.index, mask))
    return strip, summary.hidden_line(counts, atlas.index.hidden_by(view))


@callback(
    Output(ids.COUNTS, "children"),
    Output(ids.HIDDEN_LINE, "children"),
    Input(ids.VIEW_QUERY, "data"),
    State(ids.LANG, "data"),
)
def update_counts(query: str | None, lang: str | None = None) -> tuple:
    with i18n.language(lang):
        return counts_for_view(current_atlas(), query)
