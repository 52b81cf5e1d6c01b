"""Twinning Atlas data layer: load, validate, geocode and build the dataset. Knows nothing of Dash."""

from geodata.build import build, load_layers
from geodata.layers import Layers

__all__ = ["Layers", "build", "load_layers"]
