"""/data/ties.json: every tie's ends, midpoint, hover text and id, once per page, cached for good."""

from __future__ import annotations

import base64
import gzip
import json
from types import SimpleNamespace

import flask
import numpy as np
import pytest

from dashboard import i18n
from dashboard.ties_pack import PACK_PATH, pack_url, register_ties_pack, ties_digest
from geodata.filters import PartnershipIndex


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
    response = client.get(f"/{pack_url(mini_env, 'en')}", headers={"Accept-Encoding": "gzip, br"})
    assert response.status_code == 200 and response.headers["Content-Encoding"] == "gzip"
    pack = _pack(response)
    index = mini_env.index
    assert pack["size"] == index.size and pack["ids"] == index.partnership_ids.tolist()
    with i18n.language("en"):
        assert pack["hover"] == mini_env.tie_hover.tolist()
    lon_a = np.frombuffer(base64.b64decode(pack["lon_a"]["bdata"]), dtype=np.float32)
    assert np.array_equal(lon_a, index.lon_a, equal_nan=True)


def test_each_language_has_its_own_hover_texts(client, mini_env):
    en = _pack(client.get(f"/{pack_url(mini_env, 'en')}"))
    uk = _pack(client.get(f"/{pack_url(mini_env, 'uk')}"))
    assert en["ids"] == uk["ids"] and en["hover"] != uk["hover"]


def test_only_the_named_version_is_cached_for_good(client, mini_env):
    named = client.get(f"/{pack_url(mini_env, 'en')}")
    assert "immutable" in named.headers["Cache-Control"]
    stale = client.get(f"{PACK_PATH}?lang=en&v=an-old-version")
    assert stale.status_code == 200 and "immutable" not in stale.headers.get("Cache-Control", "")


def test_without_gzip_the_pack_comes_plain(client, mini_env):
    response = client.get(f"/{pack_url(mini_env, 'en')}", headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in response.headers and json.loads(response.get_data())["size"] == mini_env.index.size


def test_an_unknown_language_is_refused_in_words(client):
    response = client.get(f"{PACK_PATH}?lang=xx")
    assert response.status_code == 400 and "unknown language 'xx'" in response.get_data(as_text=True)


def test_the_url_changes_with_the_ties(mini_env):
    """A tie moved is a new URL: a browser never draws new rows from an old pack it kept."""
    moved = mini_env.layers.partnerships.copy()
    moved.loc[moved.index[0], "lon_a"] += 1.0
    other = SimpleNamespace(index=PartnershipIndex(moved, mini_env.layers.places))
    assert ties_digest(other) != ties_digest(mini_env)
    assert ties_digest(mini_env) in pack_url(mini_env, "uk") and "lang=uk" in pack_url(mini_env, "uk")
