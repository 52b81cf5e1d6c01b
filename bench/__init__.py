"""Twinning Atlas benchmark: the map at global scale, server side and in headless Chromium.

`python -m bench` prints one JSON object per line, `{"metric", "value", "unit", "n_ties", ...}`, for the bundled
dataset and for synthetic datasets of 10,000, 50,000 and 100,000 ties drawn between real gazetteer places
(fixed seed). `python -m bench --help` lists the options; README.md ("Performance") has the figures.
"""
