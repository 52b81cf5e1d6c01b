"""The map callback's output as the page draws it: its ties' references filled in, as assets/ties_pack.js does."""

from __future__ import annotations

from typing import Any

from dashboard.callbacks.map import update_map
from dashboard.dataset import current_atlas
from dashboard.figures.references import filled


def drawn(drawing: dict[str, Any]) -> dict[str, Any]:
    """The figure of a map drawing (the MAP_DRAWING store), filled in from the current dataset."""
    atlas = current_atlas()
    return filled(drawing["figure"], atlas.index, atlas.tie_hover, atlas.place_labels)


def update_map_drawn(*args: Any) -> tuple:
    """`update_map`'s outputs with the drawn figure in place of the drawing."""
    drawing, *rest = update_map(*args)
    return (drawn(drawing), *rest)
