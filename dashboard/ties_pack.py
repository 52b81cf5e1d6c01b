"""The ties pack: every bundled tie's ends, midpoint, hover text and id, fetched by the page once.

With it in the browser, a filter change sends only which rows each trace draws (`figures/references.py`) and
`assets/ties_pack.js` fills the traces in. The URL holds a digest of the ties and the language, so the browser
may keep the pack as long as it likes: new data is a new URL.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import threading

from flask import Flask, Response, request

from dashboard import i18n
from dashboard.dataset import Atlas, current_atlas
from dashboard.figures.arrays import typed_array
from dashboard.figures.references import TIE_TOKEN
from geodata.filters import PartnershipIndex

PACK_PATH = "/data/ties.json"
COORDINATES = ("lon_a", "lat_a", "lon_b", "lat_b", "mid_lon", "mid_lat")
_packs: dict[tuple[str, str], bytes] = {}  # (digest, language) -> the gzipped pack
_digests: dict[int, tuple[PartnershipIndex, str]] = {}  # id(index) -> (the index, kept alive; its digest)
_lock = threading.Lock()


def ties_digest(atlas: Atlas) -> str:
    """A short digest of the ties as the pack holds them: ids and coordinates, in index order (made once)."""
    index = atlas.index
    if (known := _digests.get(id(index))) is not None and known[0] is index:
        return known[1]
    digest = hashlib.sha1("\n".join(index.partnership_ids.tolist()).encode())
    for name in COORDINATES:
        digest.update(getattr(index, name).tobytes())
    _digests[id(index)] = (index, digest.hexdigest()[:16])
    return _digests[id(index)][1]


def pack_url(atlas: Atlas, lang: str) -> str:
    """The pack's URL for a language, relative to the page (so it works under a path prefix)."""
    return f"{PACK_PATH.lstrip('/')}?lang={lang}&v={ties_digest(atlas)}"


def pack_content(atlas: Atlas, lang: str) -> dict:
    """The pack: per tie row of the index, its coordinates (typed arrays), hover text and id."""
    index = atlas.index
    with i18n.language(lang):
        hover = atlas.tie_hover.tolist()
    return {
        "digest": ties_digest(atlas),
        "lang": lang,
        "size": index.size,
        "tie_token": TIE_TOKEN,
        **{name: typed_array(getattr(index, name)) for name in COORDINATES},
        "hover": hover,
        "ids": index.partnership_ids.tolist(),
    }


def gzipped_pack(atlas: Atlas, lang: str) -> bytes:
    """The pack as gzipped JSON, made once per dataset and language (about 1 MB; 0.2 s to make)."""
    key = (ties_digest(atlas), lang)
    with _lock:
        if key not in _packs:
            body = json.dumps(pack_content(atlas, lang), ensure_ascii=False, separators=(",", ":")).encode()
            _packs[key] = gzip.compress(body, compresslevel=6, mtime=0)
        return _packs[key]


def warm(atlas: Atlas) -> None:
    """Make every language's pack now (before gunicorn forks, so the workers share them)."""
    for lang in i18n.LANGS:
        gzipped_pack(atlas, lang)


def register_ties_pack(server: Flask) -> None:
    """Serve the pack at PACK_PATH: gzipped when the browser takes it (every browser does), cached for good."""

    @server.get(PACK_PATH)
    def ties_pack() -> Response:
        lang = request.args.get("lang", "")
        if lang not in i18n.LANGS:
            return Response(f"unknown language {lang!r}: one of {', '.join(i18n.LANGS)}\n", 400, mimetype="text/plain")
        atlas = current_atlas()
        body = gzipped_pack(atlas, lang)
        headers = {"Vary": "Accept-Encoding"}
        if request.args.get("v") == ties_digest(atlas):  # the URL names this very pack: it never changes
            headers["Cache-Control"] = "public, max-age=31536000, immutable"
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            headers["Content-Encoding"] = "gzip"
        else:
            body = gzip.decompress(body)
        return Response(body, mimetype="application/json", headers=headers)
