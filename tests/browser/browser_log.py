"""Record what a reader's browser would complain about while the tests click around.

Every context a test opens is watched: console errors, uncaught page errors,
failed requests, responses with status >= 400, and any request that leaves the
served site (the site must work offline). conftest.py fails the test with the
list once its body has passed.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Response, WebError

# Schemes that never touch the network.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-error"}


class BrowserLog:
    def __init__(self, origin: str) -> None:
        self.origin = origin.rstrip("/")
        self.problems: list[str] = []
        self._pending: set[Request] = set()

    # -- wiring -----------------------------------------------------------
    def watch(self, context: BrowserContext) -> None:
        context.on("request", self._on_request)
        context.on("requestfinished", self._on_finished)
        context.on("requestfailed", self._on_failed)
        context.on("response", self._on_response)
        context.on("console", self._on_console)
        context.on("weberror", self._on_web_error)

    def _on_request(self, request: Request) -> None:
        self._pending.add(request)
        if not self.is_inside_site(request.url):
            self.problems.append(f"request outside the site: {request.url} (from {_page_of(request)})")

    def _on_finished(self, request: Request) -> None:
        self._pending.discard(request)

    def _on_failed(self, request: Request) -> None:
        self._pending.discard(request)
        if request.failure == "net::ERR_ABORTED":
            # The browser cancelled it because the test moved on (a search worker can start
            # its language script after settle() saw a quiet moment, on a loaded machine).
            # A file the site lacks answers 404, which _on_response records.
            return
        self.problems.append(f"request failed: {request.url} ({request.failure}) (from {_page_of(request)})")

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url} (from {_page_of(response.request)})")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.page.url if message.page else "a worker"
            self.problems.append(f"console error on {where}: {message.text}")

    def _on_web_error(self, error: WebError) -> None:
        where = error.page.url if error.page else "a worker"
        self.problems.append(f"uncaught error on {where}: {error.error}")

    # -- queries ------------------------------------------------------------
    def is_inside_site(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in LOCAL_SCHEMES:
            return True
        return f"{parts.scheme}://{parts.netloc}" == self.origin and parts.hostname == "127.0.0.1"

    def settle(self, page: Page, timeout_s: float = 10.0) -> None:
        """Wait for the page's load event and for every request it started (search index,
        search worker and its language scripts) to end, so leaving the page aborts nothing."""
        page.wait_for_load_state("load")
        deadline = time.monotonic() + timeout_s
        quiet_since = None
        while time.monotonic() < deadline:
            if self._pending:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= 0.05:
                return
            page.wait_for_timeout(15)  # lets Playwright deliver the pending events
        still = ", ".join(sorted(request.url for request in self._pending))
        self.problems.append(f"requests still pending after {timeout_s} s on {page.url}: {still}")

    def visit(self, page: Page, url: str) -> None:
        """Go to url as a reader would (typing it), then settle."""
        if page.goto(url) is None:
            self.problems.append(f"navigation to {url} got no response")
        self.settle(page)  # a status >= 400 is recorded by the response handler

    def report(self) -> str:
        return "\n".join(f"  - {problem}" for problem in dict.fromkeys(self.problems))


def _page_of(request: Request) -> str:
    try:
        frame = request.frame
    except Exception:  # a worker's request has no frame
        return "a worker"
    return frame.url or "a new page"
