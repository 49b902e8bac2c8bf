"""Shared fixtures: atlases, a live app server and a real headless Chromium."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ARTIFACTS = REPO / "tests" / "artifacts"
DEMO_ATLAS = REPO / "geodata" / "data" / "musterstadt.gpkg"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
    "--no-first-run", "--disable-background-networking", "--disable-component-update",
    "--disable-sync",
]


def chromium_executable() -> str | None:
    candidate = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
    return candidate if Path(candidate).exists() else shutil.which("chromium")


@pytest.fixture(scope="session")
def demo_atlas():
    from indicators import open_atlas

    return open_atlas(DEMO_ATLAS)


@pytest.fixture(scope="session")
def browser():
    """A real headless Chromium; skipped with a reason unless REQUIRE_BROWSER=1."""
    executable = chromium_executable()
    required = os.environ.get("REQUIRE_BROWSER") == "1"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - depends on the machine
        if required:
            pytest.fail("REQUIRE_BROWSER=1, aber das Python-Paket playwright fehlt")
        pytest.skip("Browser-Tests übersprungen: playwright ist nicht installiert")
    if executable is None:
        if required:
            pytest.fail("REQUIRE_BROWSER=1, aber kein Chromium (/usr/bin/chromium, $CHROMIUM)")
        pytest.skip("Browser-Tests übersprungen: kein Chromium (/usr/bin/chromium oder $CHROMIUM)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class LiveServer:
    """A Dash app served by werkzeug in a thread on a free loopback port."""

    def __init__(self, dash_app) -> None:
        from werkzeug.serving import make_server

        self._server = make_server("127.0.0.1", 0, dash_app.server, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()


@pytest.fixture(scope="module")
def demo_server(demo_atlas) -> Iterator[LiveServer]:
    from app import AppConfig, create_app

    server = LiveServer(create_app(demo_atlas, AppConfig()))
    yield server
    server.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="de-DE")
    page = context.new_page()
    page.external_requests = []

    def _record(request) -> None:
        if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            page.external_requests.append(request.url)

    page.on("request", _record)
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory) -> Iterator[str]:
    """A real redis-server on a free loopback port; skipped unless installed or REQUIRE_REDIS=1."""
    import socket
    import subprocess
    import time

    executable = shutil.which("redis-server")
    if executable is None:
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail("REQUIRE_REDIS=1, aber redis-server ist nicht installiert")
        pytest.skip("Redis-Tests übersprungen: redis-server ist nicht installiert")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    workdir = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(workdir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as client:
            if client.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)
