"""The map's layout around the traces: base map, legend, the notices of what is left out, the graph config."""

from __future__ import annotations

from typing import Any

import numpy as np

from dashboard import i18n, text
from dashboard.figures import traces
from dashboard.figures.styles import FONT
from geodata.filters import PartnershipIndex


def map_layout(color_by: str) -> dict[str, Any]:
    """The map's layout: offline base map, no re-fitting, and a uirevision that keeps the user's pan and zoom."""
    return {
        "geo": {
            "projection": {"type": "natural earth"},
            "resolution": 110,
            "scope": "world",
            "showland": True,
            "landcolor": "#eef1f5",
            "showocean": True,
            "oceancolor": "#f8fbfe",
            "showcountries": True,
            "countrycolor": "#c3ccd6",
            "countrywidth": 0.6,
            "coastlinecolor": "#c3ccd6",
            "coastlinewidth": 0.6,
            "showlakes": False,
            "showframe": False,
            "lataxis": {"range": [-58, 90]},
            "bgcolor": "rgba(0,0,0,0)",
            # plotly 7 re-fits the view on every update unless fitbounds is off: that would undo the user's zoom.
            "fitbounds": False,
            "uirevision": "atlas-geo",
        },
        "uirevision": "atlas",
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "paper_bgcolor": "#ffffff",
        "hovermode": "closest",
        "clickmode": "event",
        "dragmode": "pan",
        "font": {"family": FONT, "size": 12, "color": "#1f2937"},
        "hoverlabel": {"bgcolor": "#ffffff", "bordercolor": "#cbd5e1", "font": {"family": FONT, "size": 12}},
        "legend": {
            # The title on a row of its own ("top"; "left" and "top left" indent every row by the title's width
            # yet wrap the items as if it took no room): the last item of a row would run off a phone's screen.
            "title": {"text": text.LEGEND_TITLE[color_by], "side": "top"},
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": -0.01,
            "yanchor": "top",
            "bgcolor": "rgba(255,255,255,0.9)",
            "itemclick": "toggle",
            "itemdoubleclick": "toggleothers",
            "font": {"size": 12},
        },
        "showlegend": True,
    }


def capped_notices(index: PartnershipIndex, mask: np.ndarray) -> list[str]:
    """What the map leaves out of a view (ties beyond ARC_LIMIT, place dots beyond PLACE_LIMIT), as sentences."""
    notices = []
    if (in_view := int(mask.sum())) > traces.ARC_LIMIT:
        notices.append(text.fmt(text.MAP_TIES_CAPPED, drawn=traces.ARC_LIMIT, total=in_view))
    places = int(np.count_nonzero((index.tie_counts(mask) > 0) & ~np.isnan(index.place_lon)))
    if places > traces.PLACE_LIMIT:
        notices.append(text.fmt(text.MAP_PLACES_CAPPED, shown=traces.PLACE_LIMIT, total=places))
    return notices


def take_notices(figure: dict[str, Any]) -> list[str]:
    """Remove the notice of what the map leaves out from a figure (in place) and return its sentences: the page
    shows them as text under the map, where they wrap on a phone and never cover the legend (exports keep it)."""
    annotations = figure["layout"].get("annotations", [])
    notices = [a for a in annotations if a.get("name") == "capped-notice"]
    figure["layout"]["annotations"] = [a for a in annotations if a.get("name") != "capped-notice"]
    return [line for a in notices for line in str(a["text"]).split("<br>")]


def notice_annotation(notice: str) -> dict[str, Any]:
    return {
        "text": notice,
        "name": "capped-notice",
        "xref": "paper",
        "yref": "paper",
        # Bottom left: clear of the mode bar (top right) and of most ties (the map's south is mostly sea).
        "x": 0.005,
        "y": 0.005,
        "xanchor": "left",
        "yanchor": "bottom",
        "align": "left",
        "showarrow": False,
        "bgcolor": "rgba(255,255,255,0.88)",
        "bordercolor": "#cbd5e1",
        "borderwidth": 1,
        "borderpad": 4,
        "font": {"size": 11, "color": "#334155"},
    }


def graph_config(topojson_url: str) -> dict[str, Any]:
    """The dcc.Graph config: base map from our own assets (no CDN), a lean mode bar in the active language."""
    return {
        "topojsonURL": topojson_url,
        "locale": i18n.current_lang(),  # plotly.js's own words (mode bar); assets/plotly-locale-uk.js holds uk
        "displaylogo": False,
        "scrollZoom": False,
        "responsive": True,
        # Nothing that would upload the chart to Plotly's cloud: the atlas works offline and shares its own links.
        "showLink": False,
        "showSendToCloud": False,
        "showEditInChartStudio": False,
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "sendDataToCloud"],
    }
