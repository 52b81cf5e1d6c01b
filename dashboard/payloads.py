"""What a request to Dash's callback endpoint may hold: its shape, and the type of every input's value.

`/_dash-update-component` takes JSON from anyone. Dash trusts its shape (a missing or extra input is a 500 inside
Dash) and hands values to the callbacks as they came. `callback_request_problem` checks a body against the
app's callback map and VALUE_RULES before Dash sees it, and says in one line what is wrong (without echoing the
input), so the server can answer 400. Inputs of components without a rule get the generic limits only.
Knows no HTTP: the security module calls it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from typing import Any

from dashboard import ids
from geodata.upload import MAX_UPLOAD_BYTES

Check = Callable[[Any], bool]

MAX_DEPTH = 64  # nesting of any value
MAX_ITEMS = 1000  # pattern-matching inputs of one callback, changed props of one request
MAX_PROP_ID = 1000


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def text_value(limit: int) -> Check:
    """None or a string of at most `limit` characters."""
    return lambda v: v is None or (isinstance(v, str) and len(v) <= limit)


def count(value: Any) -> bool:
    """None or a click count."""
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10**9)


def number(value: Any) -> bool:
    """None, a finite number, or the short text a number box may hold."""
    return value is None or (_is_number(value) and abs(value) <= 10**9) or (isinstance(value, str) and len(value) <= 30)


def words(value: Any) -> bool:
    """None, one word, or a list of words or numbers (a multi-select's value)."""
    if value is None or (isinstance(value, str) and len(value) <= 100):
        return True
    return (
        isinstance(value, list)
        and len(value) <= 300
        and all((isinstance(v, str) and len(v) <= 100) or _is_number(v) for v in value)
    )


def mapping(value: Any) -> bool:
    """None or a JSON object."""
    return value is None or isinstance(value, dict)


def click_data(value: Any) -> bool:
    """None or a plotly click event: {"points": [{...}, ...]}."""
    if value is None:
        return True
    points = value.get("points") if isinstance(value, dict) else None
    return isinstance(points, list) and len(points) <= MAX_ITEMS and all(isinstance(p, dict) for p in points)


def row_list(value: Any) -> bool:
    """None, a list of table rows (objects), or rows chosen by id ({"ids": [id, ...]}, as the map selects one)."""
    if isinstance(value, dict):
        chosen = value.get("ids")
        return (
            set(value) == {"ids"}
            and isinstance(chosen, list)
            and len(chosen) <= 10
            and all(text_value(300)(c) for c in chosen)
        )
    return value is None or (isinstance(value, list) and len(value) <= 5000 and all(isinstance(r, dict) for r in value))


def upload_request(value: Any) -> bool:
    """None or what the browser sends of a chosen file: {name, bytes, contents?} (contents within the limit)."""
    if value is None:
        return True
    if not isinstance(value, dict) or not set(value) <= {"name", "bytes", "contents"}:
        return False
    return (
        text_value(1000)(value.get("name"))
        and number(value.get("bytes"))
        and text_value(MAX_UPLOAD_BYTES * 4 // 3 + 200)(value.get("contents"))
    )


def table_event(value: Any) -> bool:
    """None or what the table's place cells report: {"data": {"tie": id, "end": "a" | "b"}, "timestamp": n}."""
    if value is None:
        return True
    data = value.get("data") if isinstance(value, dict) else None
    return (
        isinstance(data, dict)
        and set(value) <= {"data", "timestamp"}
        and set(data) <= {"tie", "end"}
        and text_value(300)(data.get("tie"))
        and text_value(1)(data.get("end"))
        and (value.get("timestamp") is None or _is_number(value["timestamp"]))
    )


# (component id, or the `type` of a pattern-matching id; property) -> the check of its value
VALUE_RULES: dict[tuple[str, str], Check] = {
    (ids.URL, "search"): text_value(65_536),
    (ids.LINK_QUERY, "data"): text_value(65_536),
    (ids.URL, "pathname"): text_value(4096),
    (ids.URL, "hash"): text_value(4096),
    (ids.VIEW_QUERY, "data"): text_value(65_536),
    (ids.VIEW_DRAWN, "data"): text_value(65_536),
    (ids.LANG, "data"): text_value(10),  # "en", "uk"
    (ids.RESET, "n_clicks"): count,
    **{
        (control_id, prop): words
        for control_id, prop in (
            ids.FILTER_CONTROLS[name] for name in ("country", "status", "aid", "relation", "theme", "conflict")
        )
    },
    (ids.FILTER_YEAR_FROM, "value"): number,
    (ids.FILTER_YEAR_TO, "value"): number,
    (ids.FILTER_UNDATED, "value"): words,
    (ids.FILTER_CITY, "value"): text_value(1000),
    (ids.COLOR_BY, "value"): text_value(50),
    (ids.SELECTED_PLACE, "data"): text_value(300),
    (ids.SELECTED_TIE, "data"): text_value(300),
    (ids.MAP_CLICK, "data"): click_data,
    (ids.TABLE, "selectedRows"): row_list,
    (ids.TABLE_SEARCH, "value"): text_value(1000),
    (ids.PANEL_CLOSE, "n_clicks"): count,
    (ids.FILTERS_TOGGLE, "n_clicks"): count,
    (ids.FEATURED_CITY, "n_clicks"): count,
    (ids.UPLOAD_REQUEST, "data"): upload_request,
    (ids.UPLOAD_CLEAR, "n_clicks"): count,
    (ids.UPLOAD_MODE, "value"): text_value(20),
    (ids.UPLOAD_TIES, "data"): mapping,  # checked in depth by dashboard.upload.ties_from_store
    (ids.UPLOAD_PROBLEMS, "data"): mapping,
    (ids.UPLOAD_REPORT_BUTTON, "n_clicks"): count,
    (ids.UPLOAD_TIES_BUTTON, "n_clicks"): count,
    (ids.TABLE, "eventData"): table_event,  # a place chosen in the table (assets/a11y.js), checked in depth later
}


def stringify_id(component_id: Any) -> str:
    """A component id as Dash writes it in prop ids (pattern-matching ids as JSON with sorted keys)."""
    if isinstance(component_id, dict):
        return "{" + ",".join(f"{json.dumps(k)}:{json.dumps(component_id[k])}" for k in sorted(component_id)) + "}"
    return component_id


def shape_problem(value: Any) -> str | None:
    """What no value may be: nested deeper than MAX_DEPTH, or holding NaN or infinity (Python's JSON reader
    accepts them; JSON does not). Walked iteratively: a hostile value must not exhaust the stack."""
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if level > MAX_DEPTH:
            return "value nested too deeply"
        if isinstance(item, float) and not math.isfinite(item):
            return "value holds NaN or infinity"
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return None


def _is_id(value: Any) -> bool:
    if isinstance(value, str):
        return 0 < len(value) <= 200
    return (
        isinstance(value, dict)
        and 0 < len(value) <= 20
        and all(isinstance(k, str) and (isinstance(v, (str, bool)) or _is_number(v)) for k, v in value.items())
    )


def _item_problem(item: Any, want: Mapping[str, str], where: str) -> str | None:
    """The problem of one input (or state) entry against what the callback declares, or None."""
    want_id, want_prop = want["id"], want["property"]
    if want_id.startswith("{"):  # pattern-matching: a list of matches (ALL) or one match (MATCH)
        pattern = json.loads(want_id)
        entries = item if isinstance(item, list) else [item]
        if len(entries) > MAX_ITEMS:
            return f"{where}: too many pattern matches"
        for entry in entries:
            if not isinstance(entry, dict) or not _is_id(entry.get("id")) or entry.get("property") != want_prop:
                return f"{where}: malformed entry"
            got = entry["id"]
            if (
                not isinstance(got, dict)
                or set(got) != set(pattern)
                or any(not isinstance(v, list) and got[k] != v for k, v in pattern.items())
            ):
                return f"{where}: id does not match the callback"
            if (problem := _value_problem(got.get("type", ""), want_prop, entry.get("value"), where)) is not None:
                return problem
        return None
    if not isinstance(item, dict) or item.get("id") != want_id or item.get("property") != want_prop:
        return f"{where}: not the input the callback declares"
    return _value_problem(want_id, want_prop, item.get("value"), where)


def _value_problem(component: Any, prop: str, value: Any, where: str) -> str | None:
    if (problem := shape_problem(value)) is not None:
        return f"{where}: {problem}"
    rule = VALUE_RULES.get((component, prop)) if isinstance(component, str) else None
    if rule is not None and not rule(value):
        return f"{where}: value of the wrong type or size"
    return None


def callback_request_problem(body: Any, callbacks: Mapping[str, Mapping[str, Any]]) -> str | None:
    """What is wrong with a callback request body, in one line, or None when Dash may run it."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    output = body.get("output")
    if not isinstance(output, str) or output not in callbacks:
        return "no such callback"
    spec = callbacks[output]
    for part in ("inputs", "state"):
        declared = spec.get(part) or []
        given = body.get(part, [] if part == "state" else None)
        if not isinstance(given, list) or len(given) != len(declared):
            return f"{part}: expected {len(declared)} entries"
        for position, (item, want) in enumerate(zip(given, declared)):
            if (problem := _item_problem(item, want, f"{part}[{position}]")) is not None:
                return problem
    outputs = body.get("outputs")
    if output.startswith(".."):  # several outputs: "..a.prop...b.prop.."
        n_outputs = output.count("...") + 1
        if (
            not isinstance(outputs, list)
            or len(outputs) != n_outputs
            or not all(isinstance(o, (dict, list)) for o in outputs)
        ):
            return f"outputs: expected {n_outputs}"
    elif not (isinstance(outputs, dict) or (output.startswith("{") and isinstance(outputs, list))):
        return "outputs: expected 1"
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or len(changed) > MAX_ITEMS:
        return "changedPropIds: expected a list"
    known = set()
    for item in body["inputs"]:
        for entry in item if isinstance(item, list) else [item]:
            known.add(f"{stringify_id(entry['id'])}.{entry['property']}")
    if any(not isinstance(c, str) or len(c) > MAX_PROP_ID or c not in known for c in changed):
        return "changedPropIds: not among the inputs"
    return None
