"""A live server of the real app in a thread, and headless Chromium with the network cut off.

The bundled data (geodata/data) is used when it is there, else the mini fixture. Chromium resolves every host
name but 127.0.0.1 to nothing, so any CDN request would fail: the map must draw from this server alone.
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from bench.browser import CHROMEDRIVER, CHROMIUM, offline_chromium_options
from geodata.build import DATA_DIR

MINI_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "mini"


@pytest.fixture(scope="session")
def dataset_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The dataset the live app serves; the environment points the app at it for the session."""
    use_bundled = (DATA_DIR / "partnerships.csv").is_file()
    saved = {k: os.environ.get(k) for k in ("TWINNING_DATA_DIR", "TWINNING_BUILD_DIR")}
    if not use_bundled:
        os.environ["TWINNING_DATA_DIR"] = str(MINI_DIR)
        os.environ["TWINNING_BUILD_DIR"] = str(tmp_path_factory.mktemp("browser-build"))
    yield DATA_DIR if use_bundled else MINI_DIR
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def live_server(dataset_dir: Path) -> Iterator[str]:
    """The app of `app.py` served on a free local port; yields its base URL."""
    app_module = importlib.import_module("app")
    server = make_server("127.0.0.1", 0, app_module.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-dash-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    if not (CHROMIUM and CHROMEDRIVER):
        message = "browser tests need chromium and chromedriver (apt-get install -y chromium chromium-driver)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI installs them: a missing browser there is a broken setup, not a skip
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    # No network but this machine: a request to any other host fails to resolve.
    options = offline_chromium_options(1400, 1000)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture
def browser(chromium, live_server):
    """The shared browser, its logs drained so each test sees only its own requests."""
    chromium.get("about:blank")
    chromium.get_log("performance")
    return chromium
