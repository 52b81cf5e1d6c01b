"""The counts strip and the line that says what the filters hide: of the bundled ties, or of the user's own
when the map shows them alone."""

from __future__ import annotations

from typing import Any

from dashboard import i18n, summary
from dashboard.dataset import Atlas, current_atlas
from dashboard.upload import uploaded_counts
from dashboard.urlstate import parse_query


def counts_for_view(
    atlas: Atlas, query: str | None, uploaded: Any = None, upload_mode: str | None = None
) -> tuple[list, str]:
    """The counts strip's content and the hidden-ties line of a view.

    With the page's uploaded ties shown alone, both describe them (how many of your ties, how many the filters
    hide); shown beside the bundled ones, the line adds how many of yours are on the map too."""
    view = parse_query(query).view
    yours = uploaded_counts(uploaded, view)
    if yours is not None and upload_mode == "alone":
        counts, hidden_by = yours
        return summary.counts_strip(counts, yours=True), summary.hidden_line(counts, hidden_by, yours=True)
    mask = atlas.index.mask(view)
    counts = atlas.index.counts(mask)
    strip = summary.counts_strip(counts, summary.tier_counts(atlas.index, mask))
    line = summary.hidden_line(counts, atlas.index.hidden_by(view))
    if yours is not None:
        line += " " + summary.yours_beside_line(yours[0])
    return strip, line


def update_counts(
    query: str | None, uploaded: Any = None, upload_mode: str | None = None, lang: str | None = None
) -> tuple:
    with i18n.language(lang):
        return counts_for_view(current_atlas(), query, uploaded, upload_mode)
