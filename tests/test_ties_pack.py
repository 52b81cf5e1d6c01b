"""/data/ties.json: every tie's ends, midpoint, hover text and id, once per page, cached for good."""

from __future__ import annotations

import base64
import gzip
import json

import flask
import numpy as np
import pytest

from dashboard import i18n
from dashboard.ties_pack import PACK_PATHS, pack_url, register_ties_pack


@pytest.fixture
def client(mini_env):
    server = flask.Flask(__name__)
    register_ties_pack(server)
    return server.test_client()


def _pack(response) -> dict:
    body = response.get_data()
    if response.headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return json.loads(body)


def test_the_pack_holds_every_tie_in_index_order(client, mini_env):
    response = client.get(f"/{pack_url(mini_env, 'ties', 'en')}", headers={"Accept-Encoding": "gzip, br"})
    assert response.status_code == 200 and response.headers["Content-Encoding"] == "gzip"
    pack = _pack(response)
    index = mini_env.index
    assert pack["size"] == index.size and pack["ids"] == index.partnership_ids.tolist()
    with i18n.language("en"):
        assert pack["hover"] == mini_env.tie_hover.tolist()
    lon_a = np.frombuffer(base64.b64decode(pack["lon_a"]["bdata"]), dtype=np.float32)
    assert np.array_equal(lon_a, index.lon_a, equal_nan=True)


def test_each_language_has_its_own_hover_texts(client, mini_env):
    en = _pack(client.get(f"/{pack_url(mini_env, 'ties', 'en')}"))
    uk = _pack(client.get(f"/{pack_url(mini_env, 'ties', 'uk')}"))
    assert en["ids"] == uk["ids"] and en["hover"] != uk["hover"]


def test_only_the_named_version_is_cached_for_good(client, mini_env):
    named = client.get(f"/{pack_url(mini_env, 'ties', 'en')}")
    assert "immutable" in named.headers["Cache-Control"]
    stale = client.get(f"{PACK_PATHS['ties']}?lang=en&v=an-old-version")
    assert stale.status_code == 200 and "immutable" not in stale.headers.get("Cache-Control", "")


def test_without_gzip_the_pack_comes_plain(client, mini_env):
    response = client.get(f"/{pack_url(mini_env, 'ties', 'en')}", headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in response.headers and json.loads(response.get_data())["size"] == mini_env.index.size


def test_an_unknown_language_is_refused_in_words(client):
    response = client.get(f"{PACK_PATHS['ties']}?lang=xx")
    assert response.status_code == 400 and "unknown language 'xx'" in response.get_data(as_text=True)


def test_the_url_changes_with_the_content(mini_env):
    """New texts are a new URL: a browser never draws from an old pack it kept."""
    urls = {pack_url(mini_env, kind, lang) for kind in PACK_PATHS for lang in ("en", "uk")}
    assert len(urls) == 4
    assert pack_url(mini_env, "ties", "uk") == pack_url(mini_env, "ties", "uk")  # made once


def test_the_rows_pack_holds_every_row_and_the_tables_order(client, mini_env):
    pack = _pack(client.get(f"/{pack_url(mini_env, 'rows', 'en')}"))
    with i18n.language("en"):
        assert pack["rows"] == json.loads(json.dumps(mini_env.table_rows))
    order = np.frombuffer(base64.b64decode(pack["order"]["bdata"]), dtype=np.int32)
    assert order.tolist() == list(mini_env.table_order)
