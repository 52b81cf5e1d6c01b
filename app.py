"""Twinning Atlas: the composition root. `python app.py` serves on $PORT (default 8050); `gunicorn app:server`."""

from __future__ import annotations

import logging

import dash

import dashboard.callbacks  # noqa: F401 - registers every callback with dash.callback
from dashboard import text
from dashboard.config import read_config
from dashboard.dataset import current_atlas
from dashboard.export.embed import register_embed
from dashboard.export.images import register_images
from dashboard.export.routes import register_exports
from dashboard.layout import page
from dashboard.page_language import AtlasDash, register_page_language
from dashboard.security import register_security
from dashboard.ties_pack import register_ties_pack
from geodata.gazetteer import preload as preload_gazetteer

log = logging.getLogger("dashboard")


def _log_callback_error(error: Exception) -> None:
    """A failing callback leaves the page as it was (no stack trace shown); the log says why."""
    log.exception("callback failed: %s", error, exc_info=error)


def serve_layout() -> object:
    """The page, built per visit from the cached dataset, in the visit's language (dashboard.page_language)."""
    return page(current_atlas(), topojson_url=dash.get_asset_url(""))


def create_app() -> AtlasDash:
    """Build the Dash app: layout, callbacks (registered on import), download routes, all assets local.

    Callbacks registered with `dash.callback` attach to the first app of a process that starts serving,
    so make one app per process (as `server` below does).
    """
    config = read_config()
    current_atlas()  # load (and build if stale) the dataset before the first visitor
    preload_gazetteer()  # the upload check's index: memory-mapped, shared by the workers gunicorn forks
    app = AtlasDash(
        __name__,
        title=text.APP_TITLE,
        update_title=None,
        serve_locally=True,  # no CDN: Dash, plotly.js and AG Grid scripts come from this server
        compress=True,  # flask-compress: callback answers and scripts go compressed (the packs come gzipped)
        on_error=_log_callback_error,
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {"name": "description", "content": text.TAGLINE},
        ],
    )
    app.scripts.config.serve_locally = True
    app.css.config.serve_locally = True
    app.layout = serve_layout
    app.enable_dev_tools(
        debug=config.debug, dev_tools_ui=config.debug, dev_tools_props_check=config.debug, dev_tools_hot_reload=False
    )
    register_exports(app.server)  # /download/... and /export/...: files and image figures of a view
    register_ties_pack(app.server)  # /data/ties.json: every tie's ends and hover text, fetched once per page
    register_embed(app.server)  # /embed: the map alone, for iframes on other sites
    register_images(app.server)  # /embed.png, /embed.svg: the same view as a still image
    register_page_language(app)  # the language of each request: its `lang`, or its page's
    register_security(app)  # headers (CSP, framing), /healthz, body limit, callback-request guard
    finish_dash_setup(app)
    return app


def finish_dash_setup(app: AtlasDash) -> None:
    """Finish Dash's set-up now, once, instead of on the first request.

    Dash sets its "done" flag first and then spends seconds building the layout before it registers the
    callbacks: threads of a fresh worker that arrive meanwhile find no callbacks ("no such callback", or a 500).
    Done here, in gunicorn's master (preload_app), every worker starts with it done.
    """
    with app.server.test_request_context("/"):
        app._setup_server()  # noqa: SLF001 - Dash's own first-request hook, called early


logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
app = create_app()
server = app.server

if __name__ == "__main__":
    settings = read_config()
    app.run(host=settings.host, port=settings.port, debug=settings.debug)
