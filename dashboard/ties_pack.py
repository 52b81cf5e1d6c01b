"""The packs the page fetches once: the ties (every tie's ends, midpoint, hover text and id) for the map, and the
table's rows of every tie.

With them in the browser, a filter change sends only which rows are in view (`figures/references.py`), and
`assets/ties_pack.js` and `assets/ties_table.js` fill in the map's traces and filter the table. Each pack's URL
holds a digest of its content, so the browser may keep it as long as it likes: new data is a new URL.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from flask import Flask, Response, request

from dashboard import i18n, text
from dashboard.dataset import Atlas, current_atlas
from dashboard.figures.arrays import typed_array
from dashboard.figures.references import TIE_TOKEN
from dashboard.figures.styles import LISTED_PLACE_COLOR, PLACE_COLOR
from dashboard.table import PACKED_ROWS_LIMIT

PACK_PATHS = {"ties": "/data/ties.json", "rows": "/data/rows.json"}
COORDINATES = ("lon_a", "lat_a", "lon_b", "lat_b", "mid_lon", "mid_lat")


@dataclass(frozen=True)
class Pack:
    """A pack made: its gzipped JSON and the digest its URL carries."""

    gzipped: bytes
    digest: str


_packs: dict[tuple[int, str, str], tuple[Atlas, Pack]] = {}  # (id(atlas), kind, lang) -> (atlas kept alive, pack)
_lock = threading.Lock()


def ties_content(atlas: Atlas) -> dict:
    """The map's pack (in the active language): per tie row of the index, its coordinates (typed arrays), hover
    text and id; per place code, its point and label, and the words of a place's hover."""
    index = atlas.index
    return {
        "size": index.size,
        "tie_token": TIE_TOKEN,
        **{name: typed_array(getattr(index, name)) for name in COORDINATES},
        "hover": atlas.tie_hover.tolist(),
        "ids": index.partnership_ids.tolist(),
        "place_lon": typed_array(index.place_lon),
        "place_lat": typed_array(index.place_lat),
        "place_labels": atlas.place_labels.tolist(),
        "place_hover": {"cited": text.CITED_PLACE_HOVER, "listed": text.PLACE_HOVER},
        "place_colors": [LISTED_PLACE_COLOR, PLACE_COLOR],
    }


def rows_content(atlas: Atlas) -> dict:
    """The table's pack (in the active language): every tie's row, in index order, and the table's order."""
    return {
        "size": atlas.index.size,
        "order": typed_array(np.asarray(atlas.table_order, dtype=np.int32)),
        "rows": atlas.table_rows,
    }


CONTENTS: dict[str, Callable[[Atlas], dict]] = {"ties": ties_content, "rows": rows_content}


def pack(atlas: Atlas, kind: str, lang: str) -> Pack:
    """A pack of the dataset in a language, made once (0.2 to 0.6 s; 1 MB gzipped for the bundled data)."""
    key = (id(atlas), kind, lang)
    with _lock:
        if (known := _packs.get(key)) is None or known[0] is not atlas:
            with i18n.language(lang):
                content = {"kind": kind, "lang": lang, **CONTENTS[kind](atlas)}
            body = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()
            made = Pack(gzip.compress(body, compresslevel=6, mtime=0), hashlib.sha1(body).hexdigest()[:16])
            _packs[key] = known = (atlas, made)
        return known[1]


def pack_url(atlas: Atlas, kind: str, lang: str) -> str:
    """A pack's URL, relative to the page (so it works under a path prefix)."""
    return f"{PACK_PATHS[kind].lstrip('/')}?lang={lang}&v={pack(atlas, kind, lang).digest}"


def warm(atlas: Atlas) -> None:
    """Make every pack the page will ask for now (before gunicorn forks, so the workers share them): not the rows
    of a dataset too big to pack, whose table comes with each view."""
    kinds = [k for k in PACK_PATHS if k != "rows" or atlas.index.size <= PACKED_ROWS_LIMIT]
    for kind in kinds:
        for lang in i18n.LANGS:
            pack(atlas, kind, lang)


def register_ties_pack(server: Flask) -> None:
    """Serve the packs: gzipped when the browser takes it (every browser does), cached for good when the URL
    names the pack's current digest."""
    for kind, path in PACK_PATHS.items():
        server.add_url_rule(path, f"pack_{kind}", _serve(kind), methods=["GET"])


def _serve(kind: str) -> Callable[[], Response]:
    def serve() -> Response:
        lang = request.args.get("lang", "")
        if lang not in i18n.LANGS:
            return Response(f"unknown language {lang!r}: one of {', '.join(i18n.LANGS)}\n", 400, mimetype="text/plain")
        made = pack(current_atlas(), kind, lang)
        body, headers = made.gzipped, {"Vary": "Accept-Encoding"}
        if request.args.get("v") == made.digest:  # the URL names this very pack: it never changes
            headers["Cache-Control"] = "public, max-age=31536000, immutable"
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            headers["Content-Encoding"] = "gzip"
        else:
            body = gzip.decompress(body)
        return Response(body, mimetype="application/json", headers=headers)

    return serve
