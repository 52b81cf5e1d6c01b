"""Everything that takes a view out of the app: files, images, slides, the embed page, and their routes.

- `view`: a view read from a query string, and its citation;
- `figure`: the map of a view for the app's look and for an image (title, legend, sources);
- `pages`: the /embed page and the standalone HTML file;
- `data`: CSV and GeoJSON of a view's ties;
- `render`: images drawn offline by kaleido in Chromium;
- `slides`: a PPTX slide deck of a view (`slides_draw` draws on slides, `slides_place` the selected place);
- `embed`: the /embed route; `routes`: downloads and exports; `cli`: `python -m dashboard.export`.
"""
