"""`counter-app lookup-server`: the read-only public page the receipt's QR points at.

Routes (GET and HEAD only; any other method gets 405):
  /                        the search form
  /tra-cuu-ho-so?ma=CODE   the dossier's public status (the default `tracking_url_template`,
                           so an administrator only changes the host part of that setting)
  /api/ho-so/CODE          the same as JSON
  /healthz                 "ok" when the database answers (503 when it does not)

Guarantees:
- Shows only `PublicStatus` (masked name, no identifiers or contact data); unknown or malformed
  codes get a plain 404 "Không tìm thấy hồ sơ" that says nothing about why.
- Look-ups (page and API) are rate-limited per client address with a token bucket (`burst` at
  once, then `per_minute`): over the limit → 429 with Retry-After, without touching the database.
  Behind a reverse proxy listed in `trusted_proxies`, the client is the last X-Forwarded-For hop.
- Every response carries the security headers (CSP `default-src 'none'`, nosniff, no referrer,
  no framing, no-store) and a Content-Length, so HTTP/1.1 connections are kept alive.
- Log: one line per request — method, route (never the code or query), status, size, time. The
  client's address is logged only when it is refused for going over the rate limit (what an
  administrator needs to block abuse). Personal data law: log the minimum.
- `stop()` is a clean shutdown: no new connections; requests in progress finish; idle keep-alive
  connections are closed; handler threads are waited for.
"""

from __future__ import annotations

import json
import logging
import math
import socket
import threading
import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote

from counter_app import lookup_pages as pages
from counter_app.services.public_status import CentreHeader, PublicStatusQueries

log = logging.getLogger("counter_app.lookup")

MAX_TARGET = 2048  # longest request target accepted (a code is ≤ 60 characters)
HEADER_TTL_S = 60.0  # the centre's name is re-read this often
SECURITY_HEADERS = (
    ("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                                "base-uri 'none'; frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cache-Control", "no-store"),
)
HTML = "text/html; charset=utf-8"
JSON = "application/json; charset=utf-8"


class RateLimiter:
    """Token buckets keyed by client: `burst` requests at once, refilled at `per_minute` a minute.

    Thread-safe. Memory stays bounded: past MAX_CLIENTS keys, buckets that have refilled are
    forgotten (a forgotten client starts full, which is what it would have been), then the
    longest-idle ones. `per_minute` ≤ 0 turns the limit off."""

    MAX_CLIENTS = 10_000

    def __init__(self, per_minute: float, burst: int, clock: Callable[[], float] = time.monotonic):
        self.rate = per_minute / 60.0
        self.burst = max(1, burst)
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, at)
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """Spend one token of `key`: 0 when allowed, else the seconds until one is back."""
        if self.rate <= 0:
            return 0.0
        with self._lock:
            now = self.clock()
            tokens, at = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - at) * self.rate)
            if tokens >= 1:
                self._buckets[key] = (tokens - 1, now)
                if len(self._buckets) > self.MAX_CLIENTS:
                    self._prune(now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1 - tokens) / self.rate

    def _prune(self, now: float) -> None:
        full = [k for k, (tokens, at) in self._buckets.items() if tokens + (now - at) * self.rate >= self.burst]
        for key in full:
            del self._buckets[key]
        if len(self._buckets) > self.MAX_CLIENTS:
            idle = sorted(self._buckets, key=lambda k: self._buckets[k][1])
            for key in idle[: len(idle) - self.MAX_CLIENTS // 2]:
                del self._buckets[key]


class LookupHandler(BaseHTTPRequestHandler):
    """One client connection (HTTP/1.1, kept alive); runs on its own thread of the server."""

    protocol_version = "HTTP/1.1"
    server_version = "counter-app"
    timeout = 30  # an idle keep-alive connection is closed after this many seconds
    # A buffered writer (http.server flushes it after each request): headers and body leave in one
    # send instead of two, which halves the system calls and the thread switches per page.
    wbufsize = 64 * 1024
    disable_nagle_algorithm = True  # a response is sent as soon as it is flushed
    server: LookupServer

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, False)

    def version_string(self) -> str:
        return self.server_version  # no Python version for the curious

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._serve(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(head=True)

    def __getattr__(self, name: str):
        # http.server answers methods without a do_X with 501; this page only has GET and HEAD.
        if name.startswith("do_"):
            return self._not_allowed
        raise AttributeError(name)

    def _not_allowed(self) -> None:
        self._started = time.perf_counter()
        self.close_connection = True  # a request body we will not read must not become the next request
        self._send(HTTPStatus.METHOD_NOT_ALLOWED, *self._message("Phương thức không được hỗ trợ",
                   "Trang tra cứu chỉ cho phép xem (GET)."), route="*", extra=(("Allow", "GET, HEAD"),))

    # ---- routing -------------------------------------------------------------------------
    def _serve(self, head: bool) -> None:
        self._started = time.perf_counter()
        if self.headers.get("Content-Length", "0") not in ("", "0") or "Transfer-Encoding" in self.headers:
            self.close_connection = True  # a GET with a body: answer, then drop the connection
        target = self.path
        if len(target) > MAX_TARGET:
            self._send(HTTPStatus.REQUEST_URI_TOO_LONG, *self._message("Địa chỉ quá dài", "Vui lòng kiểm tra lại."),
                       head=head, route="?")
            return
        path, _, query = target.partition("?")
        if path == "/":
            self._send(HTTPStatus.OK, HTML, pages.form_page(self.server.header()), head=head, route="/")
        elif path == pages.LOOKUP_PATH:
            typed = (parse_qs(query, max_num_fields=20).get("ma") or [""])[0]
            if not typed.strip():
                self._send(HTTPStatus.OK, HTML, pages.form_page(self.server.header()), head=head, route=path)
            else:
                self._lookup(typed, head, as_json=False)
        elif path.startswith(pages.API_PREFIX):
            self._lookup(unquote(path[len(pages.API_PREFIX):]), head, as_json=True)
        elif path == "/healthz":
            ok = self.server.healthy()
            status = HTTPStatus.OK if ok else HTTPStatus.SERVICE_UNAVAILABLE
            self._send(status, "text/plain; charset=utf-8", "ok\n" if ok else "database unavailable\n", head=head, route=path)
        else:
            missing = self._message("Không tìm thấy trang", "Địa chỉ này không có trên hệ thống tra cứu.")
            self._send(HTTPStatus.NOT_FOUND, *missing, head=head, route="?")

    def _lookup(self, typed: str, head: bool, *, as_json: bool) -> None:
        route = pages.API_PREFIX + "…" if as_json else pages.LOOKUP_PATH
        wait = self.server.limiter.take(self.client_key())
        if wait > 0:
            seconds = max(1, math.ceil(wait))
            log.warning("rate limited %s on %s (retry after %d s)", self.client_key(), route, seconds)
            text = f"Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau {seconds} giây."
            body = (JSON, _json({"error": "too_many_requests", "message": text, "retry_after": seconds})) if as_json \
                else self._message("Quá nhiều yêu cầu", text)
            self._send(HTTPStatus.TOO_MANY_REQUESTS, *body, head=head, route=route, extra=(("Retry-After", str(seconds)),))
            return
        try:
            found = self.server.queries.lookup(typed)
        except Exception:  # noqa: BLE001 - a lost database must give a page, not a dropped connection
            log.exception("look-up failed on %s", route)
            text = "Hệ thống tra cứu tạm thời gián đoạn. Vui lòng thử lại sau ít phút."
            body = (JSON, _json({"error": "unavailable", "message": text})) if as_json \
                else self._message("Tạm thời gián đoạn", text)
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, *body, head=head, route=route, extra=(("Retry-After", "60"),))
            return
        if found is None:
            body = (JSON, _json({"error": "not_found", "message": "Không tìm thấy hồ sơ"})) if as_json \
                else (HTML, pages.not_found_page(self.server.header(), typed))
            self._send(HTTPStatus.NOT_FOUND, *body, head=head, route=route)
        elif as_json:
            self._send(HTTPStatus.OK, JSON, _json(pages.status_json(found)), head=head, route=route)
        else:
            self._send(HTTPStatus.OK, HTML, pages.status_page(self.server.header(), found), head=head, route=route)

    def client_key(self) -> str:
        peer = self.client_address[0]
        if peer in self.server.trusted_proxies:
            forwarded = [hop.strip() for hop in self.headers.get("X-Forwarded-For", "").split(",") if hop.strip()]
            if forwarded:
                return forwarded[-1]  # the address the proxy saw; earlier hops are the client's say-so
        return peer

    # ---- responses -----------------------------------------------------------------------
    def _message(self, title: str, text: str) -> tuple[str, str]:
        return HTML, pages.message_page(self.server.header(), title, text)

    def _send(self, status: HTTPStatus, content_type: str, text: str, *, head: bool = False, route: str,
              extra: Iterable[tuple[str, str]] = ()) -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (*SECURITY_HEADERS, *extra):
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not head:
            self.wfile.write(body)
        started = getattr(self, "_started", None)
        if log.isEnabledFor(logging.INFO):
            took = (time.perf_counter() - started) * 1000 if started else 0.0
            log.info("%s %s %d %d %.1fms", self.command, route, status, len(body), took)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (bad request line, oversized headers…) with our page and headers."""
        self._started = time.perf_counter()
        self.close_connection = True
        status = HTTPStatus(code)
        self._send(status, *self._message("Yêu cầu không hợp lệ", f"{status.value} {status.phrase}"),
                   head=self.command == "HEAD", route="!")

    def log_request(self, code="-", size="-") -> None:
        pass  # `_send` logs its own line, without the request target (it holds the dossier code)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's signature
        log.debug("http.server: " + format, *args)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


class LookupServer(ThreadingHTTPServer):
    """The look-up server on (host, port); `port` 0 takes a free one (see `server_address`).

    Thread-safe: handlers share only `queries` (thread-safe), the limiter (locked) and the
    cached centre header (replaced whole). Call `serve_forever()` on one thread and `stop()` on
    another."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], queries: PublicStatusQueries, *, per_minute: float = 30,
                 burst: int = 10, trusted_proxies: Iterable[str] = ()):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, LookupHandler)
        self.queries = queries
        self.limiter = RateLimiter(per_minute, burst)
        self.trusted_proxies = frozenset(trusted_proxies)
        self._header: tuple[float, CentreHeader] | None = None
        self._open: set[socket.socket] = set()
        self._open_changed = threading.Condition()
        self._serving = threading.Event()

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        self._serving.set()
        super().serve_forever(poll_interval)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    def header(self) -> CentreHeader:
        cached = self._header
        now = time.monotonic()
        if cached is None or now - cached[0] > HEADER_TTL_S:
            try:
                cached = self._header = (now, self.queries.centre())
            except Exception:  # noqa: BLE001 - keep the last names (or a generic one) when the database is away
                log.exception("reading the centre's name failed")
                if cached is None:
                    return CentreHeader(parent_body="", centre_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG")
        return cached[1]

    def healthy(self) -> bool:
        try:
            self.queries.ping()
            return True
        except Exception:  # noqa: BLE001 - any failure means "not ready"
            log.exception("health check failed")
            return False

    def track(self, connection: socket.socket, is_open: bool) -> None:
        with self._open_changed:
            (self._open.add if is_open else self._open.discard)(connection)
            self._open_changed.notify_all()

    def stop(self, grace_s: float = 10.0) -> None:
        """Stop accepting, let requests in progress finish (up to `grace_s`), close everything."""
        if self._serving.is_set():
            self.shutdown()  # (waits for serve_forever to return: never call it on a server that did not start)
        with self._open_changed:
            for connection in list(self._open):
                try:
                    # The handler's next read ends; a response being written still goes out.
                    connection.shutdown(socket.SHUT_RD)
                except OSError:
                    pass
            self._open_changed.wait_for(lambda: not self._open, timeout=grace_s)
        self.server_close()
