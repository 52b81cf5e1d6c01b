"""The key of the networks layer under the map: which networks the rings show, by colour."""

from __future__ import annotations

from dash import html

from dashboard import figures, i18n, text
from dashboard.dataset import Atlas, current_atlas
from dashboard.urlstate import parse_query


def network_key_for_view(atlas: Atlas, query: str | None) -> list:
    """The key's content: a ring swatch and name per network shown (empty when the layer is off)."""
    layers = atlas.layers
    keys = figures.network_key(layers.network_members, layers.networks, parse_query(query).view)
    if not keys:
        return []
    items = [
        html.Span(
            [html.Span(className="ring", style={"borderColor": key.color}), key.name],
            className="network-key-item",
            title=text.fmt(text.NETWORK_KEY_MEMBERS, n=key.members),
        )
        for key in keys
    ]
    return [html.Span(text.NETWORK_KEY_HEADING, className="network-key-heading"), *items]


def update_network_key(query: str | None, lang: str | None = None) -> list:
    with i18n.language(lang):
        return network_key_for_view(current_atlas(), query)
