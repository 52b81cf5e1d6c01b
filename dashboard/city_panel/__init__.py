"""The city panel: `facts` gathers what a place's panel holds from the atlas (pure data), `render` lays it out as
Dash components, `wartime` the "since 2022" section of both."""

from dashboard.city_panel.facts import (
    AidEntry,
    CityPanel,
    NetworkEntry,
    PartnerEntry,
    TimelineEntry,
    city_panel_data,
    format_quantity,
)
from dashboard.city_panel.render import (
    panel_announcement,
    panel_summary,
    provenance_line,
    render_city_panel,
    render_empty_panel,
    render_missing_place,
    source_link,
)

__all__ = [
    "AidEntry",
    "CityPanel",
    "NetworkEntry",
    "PartnerEntry",
    "TimelineEntry",
    "city_panel_data",
    "format_quantity",
    "panel_announcement",
    "panel_summary",
    "provenance_line",
    "render_city_panel",
    "render_empty_panel",
    "render_missing_place",
    "source_link",
]
