"""Real-browser tests: Playwright for Python drives Debian's chromium, headless, against
pytest-django's live server (a thread of this process on a loopback port).

They skip, saying why, only when chromium is missing or will not start; `make test`
installs it with apt-get. Playwright's own browser download is never used: CI has no
network for it. Each launch gets a fresh, temporary user-data-dir from Playwright.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Without the background-networking flags chromium keeps calling Google's services,
# which on a closed network means a flood of failing connections.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = REPO / "build/npm/node_modules/axe-core/axe.min.js"
ARTIFACTS = REPO / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"

# Every CSP violation the page reports, gathered before any page script runs
# (init scripts come through the DevTools protocol, which the policy does not cover).
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
});
"""


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    # The triage's semantic detector embeds its bank of presentations on first use (10-30 s
    # on this machine), as a worker's warm-up does under `symptomdb serve`; here, before any
    # page waits on it within the browser's time limit.
    from symptomdb.triage.semantic import detector

    detector()
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is missing: `make test` installs Debian's chromium with apt-get "
            "when run as root (set CHROMIUM=/path/to/chromium to use another)."
        )
    # Playwright's sync API keeps an asyncio loop running in this thread, which makes
    # Django refuse ORM calls "from an async context"; the tests' own ORM calls are
    # plain synchronous code, so the check is lifted while the browser is up.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        try:
            launched = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True, timeout=60_000
            )
        except PlaywrightError as error:
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else "?"
            pytest.skip(f"chromium at {CHROMIUM} would not start: {first_line}")
        yield launched
        launched.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@dataclass
class Tab:
    """One browser tab with its own cookies, recording what must never happen: a
    dialog (an injected alert), a script error, a CSP violation, a broken asset."""

    page: Page
    base_url: str
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def visit(self, path: str, *, status: int | tuple[int, ...] = 200) -> Page:
        response = self.page.goto(self.url(path), wait_until="load")
        assert response is not None
        expected = (status,) if isinstance(status, int) else status
        assert response.status in expected, f"{path}: {response.status}"
        self.assert_clean(path)
        return self.page

    def csp_violations(self) -> list[str]:
        return list(self.page.evaluate("window.__cspViolations || []"))

    def assert_clean(self, where: str = "") -> None:
        assert self.dialogs == [], f"{where}: a dialog opened: {self.dialogs}"
        assert self.errors == [], f"{where}: {self.errors}"
        assert self.csp_violations() == [], f"{where}: CSP violations"

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


_LOCAL = re.compile(r"^https?://(localhost|127\.0\.0\.1|\[::1\])[:/]")


@pytest.fixture
def new_tab(browser: Browser, live_server) -> Iterator[Callable[..., Tab]]:
    """Open tabs in fresh browser contexts (separate cookies: a reader, an editor)."""
    contexts = []

    def open_tab(**context_options: Any) -> Tab:
        context = browser.new_context(base_url=live_server.url, **context_options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        tab = Tab(page=page, base_url=live_server.url)
        page.add_init_script(WATCH_CSP)

        def on_dialog(dialog: Any) -> None:
            tab.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        def on_console(message: Any) -> None:
            # Failed loads are judged by on_response, which knows the address.
            if message.type == "error" and not message.text.startswith("Failed to load"):
                tab.errors.append(f"console: {message.text}")

        def on_request_failed(request: Any) -> None:
            # ERR_ABORTED is the browser dropping a load (the favicon) when the test
            # navigates on; the server was not at fault.
            if "ERR_ABORTED" not in (request.failure or ""):
                tab.errors.append(f"request failed: {request.url} {request.failure}")

        def on_response(response: Any) -> None:
            # Pages are checked by visit(); the browser's own guess at /favicon.ico
            # (the admin links none) is not the site's doing.
            if (
                response.status >= 400
                and response.request.resource_type != "document"
                and not response.url.endswith("/favicon.ico")
            ):
                tab.errors.append(f"{response.url}: {response.status}")

        def on_request(request: Any) -> None:
            if not _LOCAL.match(request.url) and not request.url.startswith(("data:", "blob:")):
                tab.errors.append(f"request to another origin: {request.url}")

        page.on("dialog", on_dialog)
        page.on("pageerror", lambda error: tab.errors.append(f"page error: {error}"))
        page.on("console", on_console)
        page.on("requestfailed", on_request_failed)
        page.on("response", on_response)
        page.on("request", on_request)
        return tab

    yield open_tab
    for context in contexts:
        context.close()
