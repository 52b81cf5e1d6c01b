"""Serving safely: security headers, /healthz, bounded request bodies, and a guard on Dash's callback endpoint.

- Every response says `X-Content-Type-Options: nosniff` and a `Referrer-Policy`; pages get a
  Content-Security-Policy that Dash works under: scripts only from this server plus the hashes of Dash's own
  inline scripts and clientside callbacks (`Dash.csp_hashes()`), no `eval`; inline styles allowed (React and
  plotly.js set them); images also from `data:` and `blob:` (plotly's mode bar and image export).
- Framing is denied (`frame-ancestors 'none'`, `X-Frame-Options: DENY`) except on /embed, made to be framed from any
  page, `file://` included (no frame-ancestors directive there).
- `/healthz` answers 200 with the dataset version once the dataset is loaded (load balancers, gunicorn checks).
- A request body over MAX_REQUEST_BYTES is refused with 413 before it is read.
- A script path naming no registered package (`/_dash-component-suites/../..`) is a 404, not Dash's 500.
- `/_dash-update-component` only reaches Dash when `dashboard.payloads` finds nothing wrong with the body; else
  the answer is a 400 with a one-line JSON reason: never a 500, never the input echoed, never a traceback.
"""

from __future__ import annotations

import json
import logging

from dash import Dash
from dash.exceptions import DependencyException
from flask import Flask, Response, request

from dashboard.dataset import current_atlas
from dashboard.export.embed import is_embed_path
from dashboard.payloads import callback_request_problem

log = logging.getLogger("dashboard")

MAX_REQUEST_BYTES = 16 * 1024 * 1024  # an upload (5 MB, base64) or a session's ties riding on a map update
HEALTH_PATH = "/healthz"
CALLBACK_PATH = "_dash-update-component"
REFERRER_POLICY = "same-origin"  # the cited sources need not learn which view a reader came from

# Directive -> sources, apart from script-src (which adds the inline scripts' hashes) and frame-ancestors.
CSP_DIRECTIVES: dict[str, str] = {
    "default-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "worker-src": "'self' blob:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


def content_security_policy(script_hashes: list[str] | tuple[str, ...], framable: bool) -> str:
    """The CSP header value: this server's scripts and the given inline-script hashes; framing only if asked."""
    directives = dict(CSP_DIRECTIVES)
    directives["script-src"] = " ".join(["'self'", *script_hashes])
    if not framable:
        # No frame-ancestors at all where framing is the point: `*` does not match a page with an opaque origin
        # (a local file, a slide deck's web view), so only leaving the directive out lets those frame /embed.
        directives["frame-ancestors"] = "'none'"
    return "; ".join(f"{name} {sources}" for name, sources in directives.items())


def security_headers(path: str, script_hashes: list[str] | tuple[str, ...]) -> dict[str, str]:
    """The headers every response of `path` gets."""
    framable = is_embed_path(path)
    headers = {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": REFERRER_POLICY,
        "Content-Security-Policy": content_security_policy(script_hashes, framable),
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }
    if not framable:
        headers["X-Frame-Options"] = "DENY"
    return headers


def _bad_request(reason: str, status: int = 400) -> Response:
    return Response(json.dumps({"error": reason}), status=status, mimetype="application/json")


def register_security(app: Dash) -> None:
    """Add the headers, /healthz, the body limit and the callback guard to the app's Flask server."""
    server: Flask = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    callback_path = app.config.routes_pathname_prefix + CALLBACK_PATH

    @server.get(HEALTH_PATH)
    def healthz() -> Response:
        layers = current_atlas().layers
        body = {
            "status": "ok",
            "dataset_version": layers.manifest.get("dataset_version"),
            "ties": int(len(layers.partnerships)),
        }
        return Response(json.dumps(body), mimetype="application/json")

    @server.errorhandler(DependencyException)
    def unknown_package(_error: Exception) -> Response:
        # /_dash-component-suites/<not a package>/...: Dash raises, which would be a 500.
        return Response("not found", status=404, mimetype="text/plain")

    @server.before_request
    def guard_callbacks() -> Response | None:
        if request.path != callback_path or request.method != "POST":
            return None
        if not request.is_json:
            return _bad_request("expected a JSON body", 415)
        try:
            body = request.get_json()
        except RecursionError:
            return _bad_request("the body nests too deeply")
        problem = callback_request_problem(body, app.callback_map)
        if problem is not None:
            log.info("refused a callback request: %s", problem)
            return _bad_request(f"malformed callback request: {problem}")
        return None

    @server.after_request
    def add_security_headers(response: Response) -> Response:
        # Hashed per response: a clientside callback registered after start-up is covered too (a few µs).
        hashes = app.csp_hashes() if response.mimetype == "text/html" else []
        for name, value in security_headers(request.path, hashes).items():
            response.headers[name] = value
        return response
