"""One simulated visitor: a keep-alive HTTP connection and the page's component values, firing Dash callbacks the
way Dash's renderer does (a change fires the server callbacks that take it as input, whose outputs fire theirs).

What to send is read from the running app (`/_dash-layout`, `/_dash-dependencies`), never retyped, so the
visitor follows the app as callbacks are added. Clientside callbacks are skipped (they cost the server nothing).
"""

from __future__ import annotations

import http.client
import json
import random
import time
from dataclasses import dataclass, field
from typing import Any

from dashboard import ids
from dashboard.payloads import stringify_id

CALLBACK_PATH = "/_dash-update-component"
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
    """One request: what it was, how long it took, and its HTTP status (0: no answer)."""

    label: str
    seconds: float
    status: int
    error: str = ""


@dataclass
class Visitor:
    """A visitor of the page at `host:port`; `timings` collects every request it makes."""

    host: str
    port: int
    model: AppModel
    rng: random.Random
    timings: list[Timing] = field(default_factory=list)
    actions: list[tuple[str, float, bool]] = field(default_factory=list)  # (kind, seconds, ok)

    def __post_init__(self) -> None:
        self.props: dict[Key, Any] = dict(self.model.initial)
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT_S)

    # --- HTTP ------------------------------------------------------------------------------------------
    def request(self, method: str, path: str, label: str, body: Any = None) -> tuple[int, bytes]:
        payload = None if body is None else json.dumps(body).encode()
        headers = {"Content-Type": "application/json"} if payload is not None else {}
        start = time.perf_counter()
        try:
            self.connection.request(method, path, body=payload, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
            status = response.status
            error = "" if status < 400 else data[:200].decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as exc:
            self.connection.close()
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT_S)
            status, data, error = 0, b"", f"{type(exc).__name__}: {exc}"
        self.timings.append(Timing(label, time.perf_counter() - start, status, error))
        return status, data

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

    def _fire_all(self, changed: list[Key], initial: bool = False) -> bool:
        """Fire the callbacks a change reaches, each once, in waves as their inputs change (at page load, only
        those without prevent_initial_call)."""
        fired: set[str] = {cb.output for cb in self.model.callbacks if initial and not cb.initial_call}
        ok = True
        wave = list(dict.fromkeys(changed))
        while wave:
            due = [cb for cb in self.model.callbacks if cb.output not in fired and any(cb.takes(k) for k in wave)]
            next_wave: list[Key] = []
            for cb in due:
                fired.add(cb.output)
                status, updated = self._fire(cb, [k for k in wave if cb.takes(k)])
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

    def _fire(self, cb: Callback, changed: list[Key]) -> tuple[int, list[Key]]:
        outputs = [{"id": cid, "property": prop} for cid, prop in cb.outputs]
        body = {
            "output": cb.output,
            "outputs": outputs if cb.multi else outputs[0],
            "inputs": [self._entry(spec) for spec in cb.inputs],
            "state": [self._entry(spec) for spec in cb.state],
            "changedPropIds": [f"{cid}.{prop}" for cid, prop in changed],
        }
        status, data = self.request("POST", CALLBACK_PATH, cb.output[:60], body)
        if status != 200:
            return status, []
        updated: list[Key] = []
        for cid, props in (json.loads(data).get("response") or {}).items():
            for prop, value in props.items():
                key = (cid, prop)
                if self.props.get(key) != value:
                    self.props[key] = value
                    if key not in cb_inputs(cb):  # a callback's own outputs do not fire it again
                        updated.append(key)
        return status, updated


def cb_inputs(cb: Callback) -> set[Key]:
    return {(spec["id"], spec["property"]) for spec in cb.inputs}
