"""The parts of a link beyond the filters: the selected place, the colouring, the map view and presentation options.

A shared link is the filter query of `urlstate` plus these keys:

- `place`: the place id whose panel is open; `color`: `status` or `aid`;
- the map view, as the graph's relayout events report it: `lon`, `lat` (geo centre), `zoom` (projection
  scale, 1 = whole world), `rot` (projection rotation, degrees of longitude);
- presentation options read by /embed and the exports: `title` (text), `legend` and `caption` (1 or 0), `size`
  (an image size name of SIZES).

Like `urlstate`, parsing never raises: a malformed value is dropped and described in a notice. Knows nothing of
Dash or of the dataset.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from html import escape
from urllib.parse import parse_qsl, quote, urljoin

from dashboard import text

# Image sizes in layout pixels (scale 2 doubles them). A4 landscape is 297 x 210 mm at 96 dpi.
SIZES: dict[str, tuple[int, int]] = {"1920x1080": (1920, 1080), "1280x720": (1280, 720), "a4": (1123, 794)}
DEFAULT_SIZE = "1920x1080"
COLOR_MODES: tuple[str, ...] = ("status", "aid")  # as figures.COLOR_MODES (figures imports numpy; this stays light)
MAX_TITLE = 120
PLACE_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,80}$")
MAX_QUERY_LENGTH = 4096  # as urlstate: a longer (hostile) query is cut before parsing

# Map view keys: (low, high, decimals kept in a link)
MAP_VIEW_KEYS: dict[str, tuple[float, float, int]] = {
    "lon": (-180.0, 180.0, 4),
    "lat": (-90.0, 90.0, 4),
    "zoom": (0.1, 100.0, 3),
    "rot": (-180.0, 180.0, 4),
}
# relayoutData key of the map's geo subplot -> map view key
RELAYOUT_KEYS: dict[str, str] = {
    "geo.center.lon": "lon",
    "geo.center.lat": "lat",
    "geo.projection.scale": "zoom",
    "geo.projection.rotation.lon": "rot",
}
FLAG_KEYS: tuple[str, ...] = ("legend", "caption")
SHARE_KEYS: tuple[str, ...] = ("place", "color", *MAP_VIEW_KEYS, "title", *FLAG_KEYS, "size")


@dataclass(frozen=True)
class MapView:
    """Where the map looks: geo centre, projection scale and rotation; None = the map's default."""

    lon: float | None = None
    lat: float | None = None
    zoom: float | None = None
    rot: float | None = None

    def as_dict(self) -> dict[str, float]:
        """The values that are set (for a dcc.Store)."""
        return {key: value for key in MAP_VIEW_KEYS if (value := getattr(self, key)) is not None}


@dataclass(frozen=True)
class ShareView:
    """Everything a link says beyond the filters."""

    place: str | None = None
    color: str = "status"
    map_view: MapView = field(default_factory=MapView)
    title: str = ""
    legend: bool = True
    caption: bool = True
    size: str = DEFAULT_SIZE


@dataclass(frozen=True)
class ParsedShare:
    """A ShareView read from a URL, with a notice for every part that was ignored."""

    share: ShareView
    notices: tuple[str, ...] = ()


def _shown(value: str, limit: int) -> str:
    """A value fit to echo in a notice: no control or format characters, at most `limit` long."""
    return "".join(ch if ch.isprintable() else "\ufffd" for ch in value.strip()[:limit])


def _query_values(query: object) -> dict[str, list[str]]:
    """Key -> every value given, from a query string (anything else, e.g. JSON from a client, reads as empty)."""
    text_query = query[:MAX_QUERY_LENGTH] if isinstance(query, str) else ""
    values: dict[str, list[str]] = {}
    for key, value in parse_qsl(text_query.lstrip("?"), keep_blank_values=True):
        values.setdefault(key.strip().lower(), []).append(value)
    return values


def _number(key: str, raw: str, notices: list[str]) -> float | None:
    low, high, _ = MAP_VIEW_KEYS[key]
    try:
        value = float(raw.strip())
    except ValueError:
        value = math.nan
    if math.isfinite(value) and low <= value <= high:
        return value
    notices.append(text.fmt(text.NOTICE_BAD_NUMBER, key=key, value=_shown(raw, 20), low=f"{low:g}", high=f"{high:g}"))
    return None


def parse_share_values(values: dict[str, list[str]]) -> ParsedShare:
    """Read the share keys of already-split query values (key -> every value given); other keys are ignored."""
    notices: list[str] = []

    def last(key: str) -> str | None:
        given = values.get(key)
        return given[-1] if given else None

    fields: dict[str, object] = {}
    if (place := last("place")) is not None and place.strip():
        if PLACE_ID.match(place.strip()):
            fields["place"] = place.strip()
        else:
            notices.append(text.fmt(text.NOTICE_BAD_PLACE, value=_shown(place, 30)))
    if (color := last("color")) is not None and color.strip():
        if color.strip() in COLOR_MODES:
            fields["color"] = color.strip()
        else:
            notices.append(text.fmt(text.NOTICE_UNKNOWN_WORD, what="color", value=_shown(color, 30)))
    view = {key: _number(key, raw, notices) for key in MAP_VIEW_KEYS if (raw := last(key)) is not None and raw.strip()}
    fields["map_view"] = MapView(**view)
    if (title := last("title")) is not None:
        title = " ".join("".join(ch for ch in title if ch.isprintable() or ch.isspace()).split())
        if len(title) > MAX_TITLE:
            title = title[:MAX_TITLE]
            notices.append(text.fmt(text.NOTICE_LONG_TITLE, n=MAX_TITLE))
        fields["title"] = title
    for key in FLAG_KEYS:
        if (raw := last(key)) is not None and raw.strip():
            if raw.strip() in ("0", "1"):
                fields[key] = raw.strip() == "1"
            else:
                notices.append(text.fmt(text.NOTICE_BAD_FLAG, key=key, value=_shown(raw, 20)))
    if (size := last("size")) is not None and size.strip():
        if size.strip().lower() in SIZES:
            fields["size"] = size.strip().lower()
        else:
            notices.append(text.fmt(text.NOTICE_UNKNOWN_WORD, what="size", value=_shown(size, 20)))
    return ParsedShare(ShareView(**fields), tuple(notices))  # type: ignore[arg-type]


def parse_share(query: str | None) -> ParsedShare:
    """Read the share keys of a query string (with or without its leading `?`)."""
    return parse_share_values(_query_values(query))


def share_query(filter_query: str | None, share: ShareView, *, presentation: bool = False) -> str:
    """The link's query: the canonical filter query, then the place, colouring and map view (rounded).

    With `presentation`, the title, legend, caption and size options follow when they differ from the defaults.
    """
    parts = [(filter_query or "").lstrip("?")] if (filter_query or "").lstrip("?") else []
    if share.place:
        parts.append(f"place={quote(share.place, safe='')}")
    if share.color != "status":
        parts.append(f"color={share.color}")
    for key, (_, _, decimals) in MAP_VIEW_KEYS.items():
        value = getattr(share.map_view, key)
        if value is not None:
            parts.append(f"{key}={round(value, decimals):g}")
    if presentation:
        if share.title:
            parts.append(f"title={quote(share.title, safe='')}")
        parts += [f"{key}=0" for key in FLAG_KEYS if not getattr(share, key)]
        if share.size != DEFAULT_SIZE:
            parts.append(f"size={share.size}")
    return "?" + "&".join(parts) if parts else ""


def without_presentation(share: ShareView) -> ShareView:
    """The same view with the presentation options at their defaults (what the app's own link carries)."""
    return replace(share, title="", legend=True, caption=True, size=DEFAULT_SIZE)


def map_view_after_relayout(relayout: dict | None, previous: dict | None) -> dict[str, float]:
    """The map view after a relayout event of the graph: its geo keys override the previous values.

    Plotly reports only what changed (a pan may send the centre alone), so the view accumulates. Values out of
    range (or not numbers) are left out, as a link would drop them.
    """
    view = {key: value for key, value in (previous or {}).items() if key in MAP_VIEW_KEYS}
    for relayout_key, key in RELAYOUT_KEYS.items():
        value = (relayout or {}).get(relayout_key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            low, high, _ = MAP_VIEW_KEYS[key]
            if math.isfinite(value) and low <= value <= high:
                view[key] = float(value)
    return view


def apply_map_view(layout: dict, view: MapView) -> dict:
    """Set a map view on a figure layout's geo (in place) and return the layout; unset values keep the defaults."""
    geo = layout.setdefault("geo", {})
    if view.lon is not None or view.lat is not None:
        centre = geo.setdefault("center", {})
        if view.lon is not None:
            centre["lon"] = view.lon
        if view.lat is not None:
            centre["lat"] = view.lat
    projection = geo.setdefault("projection", {})
    if view.zoom is not None:
        projection["scale"] = view.zoom
    if view.rot is not None:
        projection.setdefault("rotation", {})["lon"] = view.rot
    return layout


def embed_snippet(embed_url: str, *, width: int = 960, height: int = 540, title: str = "") -> str:
    """A ready <iframe> for a page: fixed size, no border, lazy loading, and a title for screen readers."""
    return (
        f'<iframe src="{escape(embed_url)}" width="{width}" height="{height}" '
        f'title="{escape(title or text.EMBED_FRAME_TITLE)}" style="border:0;max-width:100%" loading="lazy" '
        'referrerpolicy="no-referrer-when-downgrade"></iframe>'
    )


def map_view_from_store(data: object) -> MapView:
    """A MapView from a dcc.Store's data, keeping only known keys with numbers in range (data comes from a client)."""
    values = map_view_after_relayout(
        {geo_key: data.get(key) for geo_key, key in RELAYOUT_KEYS.items()} if isinstance(data, dict) else None, None
    )
    return MapView(**values)


@dataclass(frozen=True)
class ShareLinks:
    """Where the current view can be reached: the app link, the embed frame, and the export files (relative)."""

    query: str
    link: str
    embed_url: str
    snippet: str
    html: str
    csv: str
    geojson: str
    package: str
    pptx: str


def share_links(
    app_href: str | None,
    filter_query: str | None,
    share: ShareView,
    *,
    embed: ShareView | None = None,
    export_title: str = "",
) -> ShareLinks:
    """The links of a view, from the page's address (`app_href`, its query and fragment are dropped).

    `embed` carries the embed's title, legend and caption; the files take `export_title`. File links are
    relative to the page, like the app's download links, so they work under a path prefix.
    """
    app_url = (app_href or "").split("#")[0].split("?")[0]
    query = share_query(filter_query, without_presentation(share))
    embed_share = replace(share, **{k: getattr(embed or share, k) for k in ("title", "legend", "caption")})
    embed_url = urljoin(app_url, "embed") + share_query(filter_query, embed_share, presentation=True)
    export_query = share_query(
        filter_query, replace(without_presentation(share), title=export_title), presentation=True
    )
    return ShareLinks(
        query=query,
        link=app_url + query,
        embed_url=embed_url,
        snippet=embed_snippet(embed_url, title=embed_share.title),
        html="export/view.html" + export_query,
        csv="download/partnerships.csv" + export_query,
        geojson="download/partnerships.geojson" + export_query,
        package="download/partnerships.zip" + export_query,
        pptx="export/view.pptx" + export_query,
    )


def has_share_keys(query: str | None) -> bool:
    """Whether a query carries any key of a shared link beyond the filters (place, colouring, map view...)."""
    return any(key in SHARE_KEYS for key in _query_values(query))
