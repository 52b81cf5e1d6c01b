"""Twinning Atlas dashboard: the Dash UI over the `geodata` layers."""
