"""One simulated visitor: a keep-alive HTTP connection and the page's component values, firing Dash callbacks the
way Dash's renderer does (a change fires the server callbacks that take it as input, whose outputs fire theirs).

What to send is read from the running app (`/_dash-layout`, `/_dash-dependencies`), never retyped, so the
visitor follows the app as callbacks are added. Clientside callbacks are skipped (they cost the server nothing).
"""

from __future__ import annotations

import http.client
import json
import random
import socket
import time
from dataclasses import dataclass, field
from typing import Any

from dashboard import ids
from dashboard.payloads import stringify_id
from loadtest import payloads

CALLBACK_PATH = "/_dash-update-component"
CSV_DOWNLOAD = "/download/partnerships.csv"
ZIP_DOWNLOAD = "/download/partnerships.zip"
TIMEOUT_S = 120
# Filter changes a visitor makes: (control id, candidate values).
FILTER_CHOICES: tuple[tuple[str, tuple[Any, ...]], ...] = (
    (ids.FILTER_STATUS, ([], ["active"], ["suspended", "ended"], ["active", "dormant"])),
    (ids.FILTER_COUNTRY, ([], ["UA"], ["PL", "DE"], ["US"], ["FR", "IT", "ES"])),
    (ids.FILTER_AID, ([], ["humanitarian_supplies"], ["energy", "reconstruction"])),
    (ids.FILTER_YEAR_FROM, (None, 1990, 2014, 2022)),
    (ids.FILTER_CITY, ("", "Kyiv", "Lviv", "Odesa", "Paris")),
)
Key = tuple[str, str]  # (stringified component id, property)
OK = frozenset({200, 204})
BUSY_MARK = b"checking other files"  # in the upload status when every validation slot is taken
SHEDDABLE = frozenset({"embed_png"})  # work the server may refuse when busy (503 + Retry-After)
MAP_DRAWING, VIEW_DRAWN = (ids.MAP_DRAWING, "data"), (ids.VIEW_DRAWN, "data")  # the clientside hop between them
# What a client sees when the server closed a kept-alive connection while it was idle.
STALE_CONNECTION = (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected)
EMBED_VIEWS: tuple[str, ...] = ("?country=UA", "?city=Kyiv", "?conflict=russia_ukraine_war", "?status=suspended", "")
DOWNLOAD_VIEWS: tuple[str, ...] = ("?country=UA", "?city=Lviv", "?status=suspended&country=US", "?country=PL")


@dataclass(frozen=True)
class Callback:
    """A server callback as `/_dash-dependencies` lists it."""

    output: str
    outputs: tuple[Key, ...]
    multi: bool
    inputs: tuple[dict, ...]
    state: tuple[dict, ...]
    initial_call: bool = True

    def takes(self, key: Key) -> bool:
        return any(_matches(spec, key) for spec in self.inputs)


def _matches(spec: dict, key: Key) -> bool:
    """Whether a declared input (maybe a wildcard id) covers a (component id, property)."""
    if spec["property"] != key[1]:
        return False
    if not spec["id"].startswith("{"):
        return spec["id"] == key[0]
    if not key[0].startswith("{"):
        return False
    pattern, got = json.loads(spec["id"]), json.loads(key[0])
    return set(pattern) == set(got) and all(isinstance(v, list) or got[k] == v for k, v in pattern.items())


@dataclass
class AppModel:
    """The app's server callbacks and the page's initial values, read once and shared by every visitor."""

    callbacks: list[Callback]
    initial: dict[Key, Any]
    component_ids: list[Any]  # every id in the layout (dicts for pattern-matching ones)

    @classmethod
    def read(cls, layout: dict, dependencies: list[dict]) -> AppModel:
        initial: dict[Key, Any] = {}
        component_ids: list[Any] = []
        stack: list[Any] = [layout]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                props = node.get("props") if "type" in node else None
                if isinstance(props, dict):
                    if "id" in props:
                        component_ids.append(props["id"])
                        for name, value in props.items():
                            if name not in ("id", "children"):
                                initial[(stringify_id(props["id"]), name)] = value
                    stack.extend(v for v in props.values() if isinstance(v, (dict, list)))
        callbacks = []
        for dep in dependencies:
            if dep.get("clientside_function"):
                continue
            multi = dep["output"].startswith("..")
            parts = dep["output"][2:-2].split("...") if multi else [dep["output"]]
            outputs = tuple(tuple(part.rsplit(".", 1)) for part in parts)
            callbacks.append(
                Callback(
                    dep["output"],
                    outputs,
                    multi,
                    tuple(dep["inputs"]),
                    tuple(dep.get("state", [])),
                    initial_call=not dep.get("prevent_initial_call"),
                )
            )
        return cls(callbacks, initial, component_ids)

    def matching_ids(self, spec: dict) -> list[Any]:
        return [cid for cid in self.component_ids if _matches(spec, (stringify_id(cid), spec["property"]))]


@dataclass
class Timing:
    """One request: what it was, how long it took, its HTTP status (0: no answer), when it ended, and whether
    that status is a failure (a hostile request's expected 400 is not; a shed render's 503 is counted apart)."""

    label: str
    seconds: float
    status: int
    error: str = ""
    kind: str = "callback"
    ended: float = 0.0
    failed: bool = False
    shed: bool = False


@dataclass
class Visitor:
    """A visitor of the page at `host:port`; `timings` collects every request it makes."""

    host: str
    port: int
    model: AppModel
    rng: random.Random
    timings: list[Timing] = field(default_factory=list)
    actions: list[tuple[str, float, bool]] = field(default_factory=list)  # (kind, seconds, ok)
    retries: int = 0
    busy_uploads: int = 0

    def __post_init__(self) -> None:
        self.props: dict[Key, Any] = dict(self.model.initial)
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT_S)
        self._requests_on_connection = 0

    # --- HTTP ------------------------------------------------------------------------------------------
    def request(
        self,
        method: str,
        path: str,
        label: str,
        body: Any = None,
        *,
        kind: str = "callback",
        raw: bytes | None = None,
        content_type: str = "application/json",
        expected: frozenset[int] = OK,
    ) -> tuple[int, bytes]:
        """Send one request on the visitor's kept-alive connection and time it.

        A connection the server closed while idle (keep-alive timeout, a worker restarted) fails on the next
        send before any answer: browsers then resend on a new connection, and so does this client, once
        (counted in `retries`). Any other failure, or an unexpected status, is a failed request."""
        payload = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        headers = {"Content-Type": content_type} if payload is not None else {}
        start = time.perf_counter()
        status, data, error, retry_after = 0, b"", "", None
        for attempt in range(2):
            fresh = self._requests_on_connection == 0
            try:
                self.connection.request(method, path, body=payload, headers=headers)
                self._requests_on_connection += 1
                response = self.connection.getresponse()
                data = response.read()
                status = response.status
                retry_after = response.getheader("Retry-After")
                error = "" if status in expected else data[:200].decode("utf-8", "replace")
                break
            except (OSError, http.client.HTTPException) as exc:
                self._reconnect()
                status, data, error = 0, b"", f"{type(exc).__name__}: {exc}"
                if fresh or attempt or not isinstance(exc, STALE_CONNECTION):
                    break
                self.retries += 1
        shed = status == 503 and kind in SHEDDABLE and retry_after is not None
        failed = not shed and (status == 0 or status not in expected)
        self.timings.append(
            Timing(label, time.perf_counter() - start, status, error, kind, time.monotonic(), failed, shed)
        )
        return status, data

    def _reconnect(self) -> None:
        self.connection.close()
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT_S)
        self._requests_on_connection = 0

    def close(self) -> None:
        self.connection.close()

    # --- the page --------------------------------------------------------------------------------------
    def open_page(self) -> bool:
        """Load the page as a browser does (HTML, layout, dependencies), then the callbacks fired at load."""
        ok = all(
            self.request("GET", path, label)[0] == 200
            for path, label in (("/", "page"), ("/_dash-layout", "layout"), ("/_dash-dependencies", "dependencies"))
        )
        return self._timed("page", lambda: self._fire_all(self._initial_keys(), initial=True)) and ok

    def change_filter(self) -> bool:
        control, choices = self.rng.choice(FILTER_CHOICES)
        self.props[(control, "value")] = self.rng.choice(choices)
        return self._timed("filter", lambda: self._fire_all([(control, "value")]))

    def open_panel(self) -> bool:
        buttons = [
            cid for cid in self.model.component_ids if isinstance(cid, dict) and cid.get("type") == ids.FEATURED_CITY
        ]
        if not buttons:
            return True
        key = (stringify_id(self.rng.choice(buttons)), "n_clicks")
        self.props[key] = (self.props.get(key) or 0) + 1
        return self._timed("panel", lambda: self._fire_all([key]))

    def download(self) -> bool:
        """The table's CSV (mostly) or the view's data package."""
        kind, path = ("download_csv", CSV_DOWNLOAD) if self.rng.random() < 0.7 else ("download_zip", ZIP_DOWNLOAD)
        view = self.rng.choice(DOWNLOAD_VIEWS)
        return self._timed(kind, lambda: self.request("GET", path + view, kind, kind=kind)[0] == 200)

    def embed_image(self) -> bool:
        """A still image of a view, as a slide tool or newsletter fetches it."""
        view = self.rng.choice(EMBED_VIEWS)
        return self._timed(
            "embed_png",
            lambda: self.request("GET", "/embed.png" + view, "embed.png", kind="embed_png")[0] in (200, 503),
        )

    def upload(self) -> bool:
        """A CSV of 1,000 rows through the upload callback, and the map, table and counts that follow it."""
        made = payloads.make_upload(self.rng)
        self.props[(ids.UPLOAD_REQUEST, "data")] = made.request
        return self._timed("upload", lambda: self._fire_all([(ids.UPLOAD_REQUEST, "data")], kind="upload"))

    def hostile(self) -> bool:
        """A request that must be refused with its 4xx, never a 5xx."""
        bad = payloads.make_hostile(self.rng, CALLBACK_PATH)
        if bad.kind == "oversized_body":
            return self.oversized(bad)
        status, _ = self.request(
            bad.method,
            bad.path,
            bad.kind,
            kind="hostile",
            raw=bad.body,
            content_type=bad.content_type,
            expected=bad.expected,
        )
        return status in bad.expected

    def oversized(self, bad: payloads.Hostile) -> bool:
        """A body over the server's limit, announced by its Content-Length: the server answers 413 without
        reading it and closes, so send only its start and read the answer (a browser sees the same 413)."""
        start = time.perf_counter()
        status, error = 0, ""
        try:
            with socket.create_connection((self.host, self.port), timeout=TIMEOUT_S) as sock:
                head = (
                    f"{bad.method} {bad.path} HTTP/1.1\r\nHost: {self.host}\r\nContent-Type: {bad.content_type}\r\n"
                    f"Content-Length: {len(bad.body or b'')}\r\n\r\n"
                )
                sock.sendall(head.encode() + (bad.body or b"")[:65536])
                status = int(sock.recv(4096).split(b" ", 2)[1])
        except (OSError, ValueError, IndexError) as exc:
            error = f"{type(exc).__name__}: {exc}"
        failed = status not in bad.expected
        self.timings.append(
            Timing(bad.kind, time.perf_counter() - start, status, error, "hostile", time.monotonic(), failed)
        )
        return not failed

    # --- the renderer's part ---------------------------------------------------------------------------
    def _timed(self, kind: str, work: Any) -> bool:
        start = time.perf_counter()
        ok = work()
        self.actions.append((kind, time.perf_counter() - start, ok))
        return ok

    def _initial_keys(self) -> list[Key]:
        return [
            (spec["id"], spec["property"])
            for cb in self.model.callbacks
            for spec in cb.inputs
            if not spec["id"].startswith("{")
        ]

    def _fire_all(self, changed: list[Key], initial: bool = False, kind: str = "callback") -> bool:
        """Fire the callbacks a change reaches, each once, in waves as their inputs change (at page load, only
        those without prevent_initial_call)."""
        fired: set[str] = {cb.output for cb in self.model.callbacks if initial and not cb.initial_call}
        ok = True
        fired_any = False  # the first callback of an action is its kind (upload); the ones it sets off are callbacks
        wave = list(dict.fromkeys(changed))
        while wave:
            due = [cb for cb in self.model.callbacks if cb.output not in fired and any(cb.takes(k) for k in wave)]
            next_wave: list[Key] = []
            for cb in due:
                fired.add(cb.output)
                status, updated = self._fire(
                    cb, [k for k in wave if cb.takes(k)], kind if not fired_any else "callback"
                )
                fired_any = True
                ok = ok and status in (200, 204)
                next_wave.extend(updated)
            wave = list(dict.fromkeys(next_wave))
        return ok

    def _entry(self, spec: dict) -> Any:
        if spec["id"].startswith("{"):
            return [
                {
                    "id": cid,
                    "property": spec["property"],
                    "value": self.props.get((stringify_id(cid), spec["property"])),
                }
                for cid in self.model.matching_ids(spec)
            ]
        return {"id": spec["id"], "property": spec["property"], "value": self.props.get((spec["id"], spec["property"]))}

    def _fire(self, cb: Callback, changed: list[Key], kind: str = "callback") -> tuple[int, list[Key]]:
        outputs = [{"id": cid, "property": prop} for cid, prop in cb.outputs]
        body = {
            "output": cb.output,
            "outputs": outputs if cb.multi else outputs[0],
            "inputs": [self._entry(spec) for spec in cb.inputs],
            "state": [self._entry(spec) for spec in cb.state],
            "changedPropIds": [f"{cid}.{prop}" for cid, prop in changed],
        }
        status, data = self.request("POST", CALLBACK_PATH, cb.output[:60], body, kind=kind)
        if status != 200:
            return status, []
        if kind == "upload" and BUSY_MARK in data:
            self.busy_uploads += 1
        updated: list[Key] = []
        for cid, props in (json.loads(data).get("response") or {}).items():
            for prop, value in props.items():
                key = (cid, prop)
                if self.props.get(key) != value:
                    self.props[key] = value
                    if key not in cb_inputs(cb):  # a callback's own outputs do not fire it again
                        updated.append(key)
        updated += self._drawn(updated)
        return status, updated

    def _drawn(self, updated: list[Key]) -> list[Key]:
        """The page's clientside hop after the map's answer: it fills the map in and sets the view drawn, which
        fires the counts, the table and the rest (assets/ties_pack.js)."""
        drawing = self.props.get(MAP_DRAWING) if MAP_DRAWING in updated else None
        if not isinstance(drawing, dict) or self.props.get(VIEW_DRAWN) == drawing.get("query"):
            return []
        self.props[VIEW_DRAWN] = drawing.get("query")
        return [VIEW_DRAWN]


def cb_inputs(cb: Callback) -> set[Key]:
    return {(spec["id"], spec["property"]) for spec in cb.inputs}
