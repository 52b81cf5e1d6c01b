"""The networks layer: hollow rings at member places (no arcs), one legend entry, and the key under the map."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dashboard import i18n, text
from dashboard.figures.arrays import typed_array
from dashboard.figures.hover_texts import local_name
from geodata.filters import ViewFilter
from geodata.schema import LIST_SEPARATOR, SOURCE_SEPARATOR

NETWORK_GROUP = "networks"  # the legend group of every network trace: one legend entry shows or hides the layer
# Ring colours, one per network (cycled, in networks.csv order), away from the status colours (blue, slate,
# red, stone, amber).
NETWORK_PALETTE: tuple[str, ...] = (
    "#0d9488", "#9333ea", "#db2777", "#65a30d", "#0891b2", "#c2410c", "#4f46e5", "#a16207", "#be123c",
)  # fmt: skip
NETWORK_RING = 10.0  # px, the innermost ring; a place in several networks shown gets nested rings
NETWORK_RING_STEP = 5.0


@dataclass(frozen=True)
class NetworkKey:
    """One network shown on the map, for the key under it: its name, ring colour and member places shown."""

    network_id: str
    name: str
    color: str
    members: int


def network_colors(networks: pd.DataFrame) -> dict[str, str]:
    """Each network's ring colour, fixed by its place in the networks table (the same whatever is shown)."""
    return {nid: NETWORK_PALETTE[i % len(NETWORK_PALETTE)] for i, nid in enumerate(networks["network_id"])}


def network_members_in_view(members: pd.DataFrame, networks: pd.DataFrame, view: ViewFilter) -> pd.DataFrame:
    """The member places the networks layer shows, in networks-table order: none unless `show=networks`; then
    the chosen networks (all when none is chosen) whose themes meet the view's (any theme when none is chosen)."""
    if "networks" not in view.layers or members.empty:
        return members.iloc[0:0]
    wanted = networks
    if view.networks:
        wanted = wanted[wanted["network_id"].isin(view.networks)]
    if view.themes:
        themes = wanted["themes"].fillna("").str.split(LIST_SEPARATOR)
        wanted = wanted[[bool(set(t) & set(view.themes)) for t in themes]]
    shown = members[members["network_id"].isin(wanted["network_id"]) & members.geometry.notna()]
    shown = shown[~shown.geometry.is_empty]
    order = {nid: i for i, nid in enumerate(networks["network_id"])}
    return shown.iloc[np.lexsort((shown["place_id"].astype(str), shown["network_id"].map(order)))]


def network_key(members: pd.DataFrame, networks: pd.DataFrame, view: ViewFilter) -> list[NetworkKey]:
    """The networks the layer shows in a view, with their ring colour, for the key under the map."""
    shown = network_members_in_view(members, networks, view)
    colors, names = network_colors(networks), dict(zip(networks["network_id"], networks["name"]))
    counts = shown["network_id"].value_counts()
    return [
        NetworkKey(str(nid), str(names.get(nid) or nid), colors[nid], int(counts[nid]))
        for nid in networks["network_id"]
        if nid in counts
    ]


def _network_hover(name: str, member: Any) -> str:
    since = text.fmt(text.NETWORK_HOVER_SINCE, since=i18n.date_text(member.since)) if member.since else ""
    details = [x for x in (member.role, since) if x]
    n_sources = len([x for x in str(member.sources or "").split(SOURCE_SEPARATOR) if x.strip()])
    extra = [text.fmt(text.NETWORK_HOVER_SOURCES, n=n_sources)]
    if member.certainty == "uncertain":
        extra.append(text.PANEL_UNCERTAIN)
    lines = [
        f"<b>{name}</b>",
        f"{local_name(member, 'city')} ({member.country})",
        " · ".join(details),
        " · ".join(extra),
    ]
    return "<br>".join(line for line in lines if line)


def network_traces(
    members: pd.DataFrame, networks: pd.DataFrame, view: ViewFilter, place_code_of: dict[str, int]
) -> list[dict[str, Any]]:
    """The networks layer: one trace of hollow rings per network (no arcs), all in the legend group "Networks"
    with one legend entry (the key under the map names the networks by colour).

    A click on a ring opens the member place's panel (customdata [place code, 0], as on a place dot).
    """
    shown = network_members_in_view(members, networks, view)
    if shown.empty:
        return []
    # Nested rings: the k-th network shown at a place draws the k-th ring out.
    shown = shown.assign(_size=NETWORK_RING + NETWORK_RING_STEP * shown.groupby("place_id").cumcount().to_numpy())
    colors = network_colors(networks)
    traces = []
    for key in network_key(members, networks, view):
        group = shown[shown["network_id"] == key.network_id]
        first = not traces
        traces.append(
            {
                "type": "scattergeo",
                "mode": "markers",
                "name": text.NETWORK_LEGEND_TITLE if first else key.name,
                "meta": key.network_id,
                "legendgroup": NETWORK_GROUP,
                "showlegend": first,
                "legendrank": 3000,  # after the ties and the places
                "lon": typed_array(group.geometry.x.to_numpy(dtype=np.float32)),  # x = longitude
                "lat": typed_array(group.geometry.y.to_numpy(dtype=np.float32)),
                "marker": {
                    "symbol": "circle-open",
                    "size": typed_array(group["_size"].to_numpy(dtype=np.float32)),
                    "color": colors[key.network_id],
                    "line": {"width": 2.2, "color": colors[key.network_id]},
                    "opacity": 0.95,
                },
                "hovertext": [_network_hover(key.name, m) for m in group.itertuples(index=False)],
                "hovertemplate": "%{hovertext}<extra></extra>",
                "customdata": [[place_code_of.get(pid, -1), 0] for pid in group["place_id"]],
            }
        )
    return traces
