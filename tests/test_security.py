"""Serving safely: headers, /healthz, debug off, and hostile input to every route and to the callback endpoint.

Every hostile request here gets a handled answer (2xx with the input ignored, or 4xx), never a 500, never a
traceback, and never the input echoed back as markup.
"""

from __future__ import annotations

import copy
import importlib
import json

import pytest

from dashboard import ids
from dashboard.payloads import MAX_DEPTH, callback_request_problem
from dashboard.security import MAX_REQUEST_BYTES, content_security_policy
from dashboard.urlstate import CONTROL_FIELDS

MARKER = "<script>alert('pwned')</script>"
CALLBACK = "/_dash-update-component"
# The callback that answers everything of a drawn view but the map (dashboard/callbacks/drawn.py).
DRAWN_OUTPUTS = [
    (ids.COUNTS, "children"),
    (ids.HIDDEN_LINE, "children"),
    (ids.PLACE_MATCHES, "children"),
    (ids.NETWORK_KEY, "children"),
    (ids.CITATION_TEXT, "children"),
    (ids.TABLE_VIEW, "data"),
    (ids.TABLE_NOTE, "children"),
    (ids.DOWNLOAD_CSV, "href"),
    (ids.DOWNLOAD_GEOJSON, "href"),
    (ids.DOWNLOAD_PACKAGE, "href"),
]
COUNTS_OUTPUT = ".." + "...".join(f"{i}.{p}" for i, p in DRAWN_OUTPUTS) + ".."


@pytest.fixture(scope="module")
def app_module():
    return importlib.import_module("app")


@pytest.fixture
def client(mini_env, app_module):
    client = app_module.server.test_client()
    client.get("/_dash-dependencies")  # Dash fills its callback map on the first request
    return client


def assert_handled(response, allowed=(200, 204, 400, 404, 405, 413, 415)):
    body = response.get_data().decode("utf-8", "replace")
    assert response.status_code in allowed, (response.status_code, body[:300])
    assert "Traceback" not in body and 'File "' not in body
    assert MARKER not in body
    return body


# --- headers, health, debug --------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/", "/_dash-layout", "/healthz", "/download/partnerships.csv", "/nowhere"])
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src


def test_the_page_policy_allows_exactly_dashs_inline_scripts(client, app_module):
    policy = client.get("/").headers["Content-Security-Policy"]
    for digest in app_module.app.csp_hashes():
        assert digest in policy


def test_only_the_embed_page_may_be_framed(client):
    response = client.get("/embed")
    assert "X-Frame-Options" not in response.headers
    policy = response.headers["Content-Security-Policy"]
    # No frame-ancestors at all: `*` would refuse a page opened from file:// (an opaque origin).
    assert "frame-ancestors" not in policy and "object-src 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    for other in ("/", "/embed.png", "/download/partnerships.csv"):
        assert "frame-ancestors 'none'" in client.get(other).headers["Content-Security-Policy"]


def test_the_policy_is_built_from_its_table():
    policy = content_security_policy(["'sha256-abc'"], framable=False)
    assert "script-src 'self' 'sha256-abc'" in policy and "frame-ancestors 'none'" in policy


def test_healthz_says_ok_and_names_the_dataset(client, mini_env):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok" and body["ties"] == len(mini_env.layers.partnerships)


def test_debug_is_off_unless_asked_for(app_module, monkeypatch):
    from dashboard.config import read_config

    monkeypatch.delenv("DEBUG", raising=False)
    assert read_config().debug is False
    assert app_module.server.debug is False
    assert app_module.app._dev_tools.ui is False  # noqa: SLF001 - no dev-tools UI (it shows tracebacks)


# --- hostile URLs ------------------------------------------------------------------------------------------
HOSTILE_QUERIES = [
    "?city=" + MARKER,
    "?status=" + MARKER,
    "?country=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "?city=' OR 1=1 --&status=active'; DROP TABLE ties;--",
    "?city=%E2%80%AEevil%00%0d%0aSet-Cookie:%20x=1",
    "?status=a%0db&aid=%0d%0aX-Injected:%201",
    "?status=active&status=ended&status=active&status=" + "x" * 5000,
    "?from=1e309&to=-0&from=NaN",
    "?from=%C2%B2&to=%D9%A1%D9%A9",  # '²' and Arabic-Indic digits: isdigit() says yes, int() may not
    "?" + "&".join(f"k{i}=v" for i in range(2000)),
    "?city=" + "𝕂𝕪𝕚𝕧" * 200,
    "?%ff%fe=%c0%af",
    "?=&&&==",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
@pytest.mark.parametrize(
    "path", ["/", "/download/partnerships.csv", "/download/partnerships.geojson", "/embed", "/healthz"]
)
def test_hostile_links_are_answered_without_echoing_them(client, path, query):
    response = client.get(path + query)
    # Pages draw what they could read; downloads refuse a value they cannot read (400, never a 500).
    assert_handled(response, allowed=(200, 400) if path.startswith("/download/") else (200,))
    for value in response.headers.values():
        assert "\r" not in value and "\n" not in value
    assert "X-Injected" not in response.headers and "Set-Cookie" not in response.headers


@pytest.mark.parametrize(
    "path",
    [
        "/" + MARKER,
        "/_dash-component-suites/../../app.py",
        "/_dash-component-suites/nonexistent/x.js",
        "/_dash-component-suites/dash/../../../app.py",
        "/_dash-component-suites/dash/nope.v9_9_9m1.js",
        "/_favicon.ico?" + MARKER,
        "/assets/../app.py",
        "/assets/%2e%2e/app.py",
        "/_dash-layout/" + "x" * 3000,
    ],
)
def test_hostile_paths_are_answered_without_echoing_them(client, path):
    body = assert_handled(client.get(path))
    assert "def create_app" not in body


# --- the callback endpoint ---------------------------------------------------------------------------------
def counts_request(value="", lang="en") -> dict:
    return {
        "output": COUNTS_OUTPUT,
        "outputs": [{"id": i, "property": p} for i, p in DRAWN_OUTPUTS],
        "inputs": [
            {"id": ids.VIEW_DRAWN, "property": "data", "value": value},
            {"id": ids.UPLOAD_TIES, "property": "data", "value": None},
            {"id": ids.UPLOAD_MODE, "property": "value", "value": "beside"},
        ],
        "state": [{"id": ids.LANG, "property": "data", "value": lang}],
        "changedPropIds": [f"{ids.VIEW_DRAWN}.data"],
    }


def selection_request(buttons=None, click=None) -> dict:
    return {
        "output": f"..{ids.SELECTED_PLACE}.data...{ids.SELECTED_TIE}.data..",
        "outputs": [{"id": ids.SELECTED_PLACE, "property": "data"}, {"id": ids.SELECTED_TIE, "property": "data"}],
        "inputs": [
            buttons
            if buttons is not None
            else [{"id": {"type": ids.FEATURED_CITY, "name": "Kyiv"}, "property": "n_clicks", "value": 1}],
            {"id": ids.MAP_CLICK, "property": "data", "value": click},
            {"id": ids.TABLE, "property": "selectedRows", "value": None},
            {"id": ids.PANEL_CLOSE, "property": "n_clicks", "value": 0},
            {"id": ids.TABLE, "property": "eventData", "value": None},
        ],
        "state": [{"id": ids.SELECTED_TIE, "property": "data", "value": None}],
        "changedPropIds": ['{"name":"Kyiv","type":"featured-city"}.n_clicks'],
    }


def _with(request: dict, path: tuple, value) -> dict:
    changed = copy.deepcopy(request)
    target = changed
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return changed


def _nested(depth: int):
    value: object = "x"
    for _ in range(depth):
        value = [value]
    return value


def _filters_request(status_value) -> dict:
    names = list(CONTROL_FIELDS)  # every filter control, in the callback's order
    controls = [ids.FILTER_CONTROLS[n] for n in names]
    outputs = [
        *controls,
        (ids.URL, "search"),
        (ids.VIEW_QUERY, "data"),
        (ids.NOTICES, "children"),
        (ids.FILTERS_SUMMARY, "children"),
    ]
    values = {ids.FILTER_STATUS: status_value}
    return {
        "output": "...".join(f"{c}.{p}" for c, p in outputs).join(["..", ".."]),
        "outputs": [{"id": c, "property": p} for c, p in outputs],
        "inputs": [
            {"id": ids.URL, "property": "search", "value": ""},
            {"id": ids.RESET, "property": "n_clicks", "value": 0},
            *({"id": c, "property": p, "value": values.get(c)} for c, p in controls),
        ],
        "state": [{"id": ids.LANG, "property": "data", "value": "en"}],
        "changedPropIds": [f"{ids.FILTER_STATUS}.value"],
    }


# (kind of bad input, request body as bytes or JSON)
MALFORMED: list[tuple[str, object]] = [
    ("not JSON", b"hello"),
    ("truncated JSON", json.dumps(counts_request()).encode()[:40]),
    ("JSON array", [counts_request()]),
    ("JSON string", "output"),
    ("JSON number", 42),
    ("JSON null", None),
    ("empty object", {}),
    ("unknown callback", _with(counts_request(), ("output",), "nope.children")),
    ("callback named by a list", _with(counts_request(), ("output",), [COUNTS_OUTPUT])),
    ("inputs missing", _with(counts_request(), ("inputs",), KeyError)),
    ("inputs not a list", _with(counts_request(), ("inputs",), {"id": ids.VIEW_QUERY})),
    ("too many inputs", _with(counts_request(), ("inputs",), counts_request()["inputs"] * 2)),
    ("input of another component", _with(counts_request(), ("inputs", 0, "id"), ids.URL)),
    ("input of another property", _with(counts_request(), ("inputs", 0, "property"), "children")),
    ("input entry not an object", _with(counts_request(), ("inputs", 0), "view-query.data")),
    ("state where none is declared", _with(counts_request(), ("state",), [{"id": "x", "property": "y"}])),
    ("outputs missing", _with(counts_request(), ("outputs",), KeyError)),
    ("outputs of the wrong count", _with(counts_request(), ("outputs",), [{"id": ids.COUNTS}])),
    ("changedPropIds not a list", _with(counts_request(), ("changedPropIds",), "view-query.data")),
    ("changedPropIds naming another prop", _with(counts_request(), ("changedPropIds",), ["url.search"])),
    ("value an object where text belongs", counts_request({"$ne": None})),
    ("value a number where text belongs", counts_request(12)),
    ("value a very long string", counts_request("?city=" + "A" * 70_000)),
    ("value nested too deeply", counts_request(_nested(MAX_DEPTH + 5))),
    (
        "NaN in a value",
        b'{"output": "' + COUNTS_OUTPUT.encode() + b'", "inputs": [{"id": "view-drawn", '
        b'"property": "data", "value": NaN}], "outputs": [{}, {}], "changedPropIds": []}',
    ),
    ("body nested beyond the parser", b"[" * 100_000 + b"]" * 100_000),
    (
        "pattern input of another type",
        selection_request(buttons=[{"id": {"type": "evil", "name": "Kyiv"}, "property": "n_clicks", "value": 1}]),
    ),
    (
        "pattern input with an id holding objects",
        selection_request(
            buttons=[{"id": {"type": ids.FEATURED_CITY, "name": {"$gt": ""}}, "property": "n_clicks", "value": 1}]
        ),
    ),
    (
        "click count of the wrong type",
        selection_request(
            buttons=[{"id": {"type": ids.FEATURED_CITY, "name": "Kyiv"}, "property": "n_clicks", "value": True}]
        ),
    ),
    ("click data of the wrong shape", selection_request(click={"points": "all"})),
    ("click data points not objects", selection_request(click={"points": [1, 2, 3]})),
    ("a huge list where words belong", _filters_request(["active"] * 10_000)),
    ("objects where words belong", _filters_request([{"$where": "1"}])),
    (
        "upload with unexpected fields",
        {
            "output": f"..{ids.UPLOAD_TIES}.data...{ids.UPLOAD_PROBLEMS}.data...{ids.UPLOAD_STATUS}.children..."
            f"{ids.UPLOAD_REPORT}.children...{ids.UPLOAD_REPORT_BUTTON}.hidden..",
            "outputs": [{}, {}, {}, {}, {}],
            "inputs": [
                {"id": ids.UPLOAD_REQUEST, "property": "data", "value": {"name": "x", "path": "/etc/passwd"}},
                {"id": ids.UPLOAD_CLEAR, "property": "n_clicks", "value": 0},
            ],
            "changedPropIds": [f"{ids.UPLOAD_REQUEST}.data"],
        },
    ),
]


def _post(client, body):
    if isinstance(body, bytes):
        return client.post(CALLBACK, data=body, content_type="application/json")
    return client.post(CALLBACK, data=json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("kind, body", MALFORMED, ids=[kind for kind, _ in MALFORMED])
def test_malformed_callback_requests_get_a_handled_4xx(client, kind, body):
    response = _post(client, body)
    assert 400 <= response.status_code < 500, (kind, response.status_code)
    assert_handled(response)


def test_other_malformed_requests_to_the_endpoint(client):
    assert_handled(client.get(CALLBACK), allowed=(200, 405))  # a GET is the page (Dash's catch-all route)
    assert_handled(client.post(CALLBACK, data="a=b", content_type="application/x-www-form-urlencoded"), allowed=(415,))
    big = b'{"output": "' + b"x" * (MAX_REQUEST_BYTES + 10) + b'"}'
    assert_handled(client.post(CALLBACK, data=big, content_type="application/json"), allowed=(413,))


def test_well_formed_requests_still_reach_dash(client):
    assert _post(client, counts_request("?status=active")).status_code == 200
    assert _post(client, selection_request()).status_code == 200
    assert _post(client, _filters_request(["active", "ended"])).status_code == 200


@pytest.mark.parametrize(
    "search",
    [
        "?city=" + MARKER,
        "?status=' OR '1'='1&country=UA;DROP TABLE ties",
        "?city=%E2%80%AE%00evil&status=active&status=active",
        "?" + "&".join(["junk=1"] * 500),
    ],
)
def test_hostile_links_through_the_callbacks_become_plain_text_notices(client, search):
    body = _filters_request(None)
    body["inputs"][0]["value"] = search
    body["changedPropIds"] = [f"{ids.URL}.search"]
    response = _post(client, body)
    assert response.status_code == 200
    notices = response.get_json()["response"][ids.NOTICES]["children"]
    seen_types = set()
    stack = [notices]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            seen_types.add(node.get("type"))
            stack.append(node.get("props", {}).get("children"))
        elif node is not None:
            assert isinstance(node, str) and node.isprintable()  # text, rendered by React as text
    assert seen_types <= {"P", "Ul", "Li"}


def test_the_guard_is_a_pure_function_of_the_body_and_the_callback_map():
    callbacks = {
        COUNTS_OUTPUT: {
            "inputs": [
                {"id": ids.VIEW_DRAWN, "property": "data"},
                {"id": ids.UPLOAD_TIES, "property": "data"},
                {"id": ids.UPLOAD_MODE, "property": "value"},
            ],
            "state": [{"id": ids.LANG, "property": "data"}],
        }
    }
    assert callback_request_problem(counts_request(), callbacks) is None
    assert callback_request_problem(counts_request({"a": 1}), callbacks) == "inputs[0]: value of the wrong type or size"


def test_a_fresh_process_knows_every_callback_before_its_first_request(mini_env):
    # Dash registered callbacks on the first request, after seconds of layout building: concurrent first
    # requests of a new worker (after a restart or a kill) were refused as "no such callback".
    import subprocess
    import sys

    code = "import app; print(len(app.app.callback_map), app.app._got_first_request['setup_server'])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    count, done = out.stdout.split()[-2:]
    assert int(count) > 20 and done == "True"
