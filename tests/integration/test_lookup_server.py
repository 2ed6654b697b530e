"""The public look-up server over real HTTP on a real SQLite data folder (the demo centre, a dossier
received through IntakeService): the status page, the JSON API, refusals, escaping, the rate limit,
keep-alive, clean shutdown, the `counter-app lookup-server` command — and the page as a real
headless Chromium renders it (Debian's `chromium`; in CI its absence fails the test)."""

from __future__ import annotations

import http.client
import json
import dataclasses
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

from counter_app.lookup_server import LookupServer, RateLimiter
from counter_app.services import centre_settings
from counter_app.services.public_status import PublicStatusQueries
from tests.factories import intake

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CODE = "000.00.06.H15-261126-0001"
MASKED = "Nguyễn T** Á** T****"
PERSONAL = ("Nguyễn Thị Ánh Tuyết", "Tuyết", "066190001234", "0905123456", "tuyet@example.vn", "Lê Duẩn")


@pytest.fixture
def received(ctx, officer):
    return ctx.intake.receive(intake(ctx), officer, counter_number=3)


@contextmanager
def running(ctx, clock, queries: PublicStatusQueries | None = None, **options) -> Iterator[LookupServer]:
    server = LookupServer(("127.0.0.1", 0), queries or PublicStatusQueries(ctx.db, clock), **options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stop()
        thread.join(timeout=5)


@pytest.fixture
def server(ctx, clock, received) -> Iterator[LookupServer]:
    with running(ctx, clock) as started:
        yield started


def fetch(server: LookupServer, path: str, method: str = "GET", headers: dict | None = None,
          body: bytes | None = None) -> tuple[int, dict[str, str], str]:
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=15)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode("utf-8")
    finally:
        connection.close()


def page(code: str) -> str:
    return f"/tra-cuu-ho-so?ma={quote(code, safe='')}"


class ById(HTMLParser):
    """The text inside each element that has an id (enough for these flat pages)."""

    def __init__(self, html: str):
        super().__init__()
        self.text: dict[str, str] = {}
        self._open: list[str | None] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag not in ("meta", "input", "br", "link"):
            self._open.append(dict(attrs).get("id"))

    def handle_endtag(self, tag):
        if self._open and tag not in ("meta", "input", "br", "link"):
            self._open.pop()

    def handle_data(self, data):
        for element in self._open:
            if element:
                self.text[element] = self.text.get(element, "") + data


# ---- pages -----------------------------------------------------------------------------------
def test_status_page_shows_the_public_facts_with_security_headers(server):
    status, headers, html = fetch(server, page(CODE))
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["content-security-policy"].startswith("default-src 'none'; style-src 'unsafe-inline'")
    assert (headers["x-content-type-options"], headers["referrer-policy"], headers["cache-control"]) == \
        ("nosniff", "no-referrer", "no-store")
    assert int(headers["content-length"]) == len(html.encode("utf-8"))
    assert headers["server"] == "counter-app"  # no Python version
    found = ById(html).text
    assert (found["ma-ho-so"], found["nguoi-nop"], found["tinh-trang"]) == (CODE, MASKED, "Đã tiếp nhận")
    assert found["hen-tra"] == "09:30 ngày 10/12/2026"
    assert "Sở Tư pháp" in html and "Cấp Phiếu lý lịch tư pháp" in html and 'lang="vi"' in html
    assert [p for p in PERSONAL if p in html] == []
    assert "<script" not in html and "http" not in html.split("<body>")[1]  # nothing loaded from elsewhere


def test_form_and_health(server):
    for path in ("/", "/tra-cuu-ho-so", "/tra-cuu-ho-so?ma="):
        status, _headers, html = fetch(server, path)
        assert status == 200 and 'action="/tra-cuu-ho-so"' in html and 'name="ma"' in html
    assert fetch(server, "/healthz")[::2] == (200, "ok\n")
    assert fetch(server, "/khong-co")[0] == 404


@pytest.mark.parametrize("typed", ["000.00.06.H15-261126-0002", "000.00.06.H15-261126-BS0001", "hello", "066190001234"])
def test_unknown_or_malformed_codes_get_a_plain_404(server, typed):
    """The same plain answer whether the code is unknown or not a code at all (nothing to probe)."""
    status, headers, html = fetch(server, page(typed))
    assert status == 404 and headers["content-type"] == "text/html; charset=utf-8"
    assert ById(html).text["khong-tim-thay"].startswith("Không tìm thấy hồ sơ")
    assert "tinh-trang" not in html and "Nguyễn" not in html


def test_json_api(server):
    status, headers, body = fetch(server, f"/api/ho-so/{CODE.lower()}")
    assert status == 200 and headers["content-type"] == "application/json; charset=utf-8"
    assert json.loads(body) == {
        "code": CODE, "status": 2, "status_label": "Đã tiếp nhận", "procedure": json.loads(body)["procedure"],
        "department": "Sở Tư pháp", "received_at": "2026-11-26T09:30", "due_at": "2026-12-10T09:30",
        "last_update": "2026-11-26T09:30", "applicant": MASKED, "overdue": False, "finished": False}
    status, _headers, body = fetch(server, "/api/ho-so/000.00.06.H15-261126-0009")
    assert status == 404 and json.loads(body)["message"] == "Không tìm thấy hồ sơ"


def test_hostile_input_and_data_are_escaped(ctx, clock, received):
    """A hostile query comes back only escaped (in the search box); a hostile centre name too."""
    with ctx.db.transaction() as session:
        hostile_name = dataclasses.replace(centre_settings.load(session), centre_name="<img src=x onerror=alert(1)>&")
        centre_settings.save(session, hostile_name)
    hostile = '"><script>alert(1)</script><x a=\''
    with running(ctx, clock) as server:
        status, _headers, html = fetch(server, page(hostile))
        assert status == 404
        assert "<script" not in html
        assert "<img" not in html
        assert "<x " not in html
        assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;x a=&#x27;"' in html
        assert "&lt;img src=x onerror=alert(1)&gt;&amp;" in html
        status, _headers, body = fetch(server, "/api/ho-so/" + quote(hostile, safe=""))
        assert status == 404 and "script" not in body
        status, _headers, html = fetch(server, page(CODE))
        assert status == 200 and "<img" not in html


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "BREW"])
def test_only_get_and_head_are_allowed(server, method):
    status, headers, html = fetch(server, page(CODE), method=method, body=b"ma=x" if method != "OPTIONS" else None)
    assert status == 405 and headers["allow"] == "GET, HEAD" and headers["connection"] == "close"
    assert "Phương thức không được hỗ trợ" in html


def test_head_has_the_get_headers_and_no_body(server):
    _s, get_headers, _html = fetch(server, page(CODE))
    status, headers, body = fetch(server, page(CODE), method="HEAD")
    assert status == 200 and body == "" and headers["content-length"] == get_headers["content-length"]


# ---- rate limit ------------------------------------------------------------------------------
def test_lookups_are_rate_limited_after_the_burst(server):
    """Ten look-ups at once (found or not, page or API) pass; the eleventh is refused with 429,
    Retry-After and a Vietnamese message; the form is not a look-up and stays available."""
    server.limiter = RateLimiter(per_minute=30, burst=10, clock=lambda: 1000.0)  # the defaults, time standing still
    answers = [fetch(server, page(CODE if i % 2 else "000.00.06.H15-261126-0042"))[0] for i in range(8)]
    answers += [fetch(server, f"/api/ho-so/{CODE}")[0] for _ in range(2)]
    assert answers == [404, 200] * 4 + [200, 200]
    status, headers, html = fetch(server, page(CODE))
    assert status == 429 and headers["retry-after"] == "2"  # 30 a minute: a token every 2 s
    assert "Quá nhiều yêu cầu" in html and "thử lại sau 2 giây" in html and MASKED not in html
    status, headers, body = fetch(server, f"/api/ho-so/{CODE}")
    assert status == 429 and json.loads(body)["retry_after"] == 2
    assert fetch(server, "/")[0] == 200


def test_clients_behind_a_trusted_proxy_are_limited_one_by_one(ctx, clock, received):
    with running(ctx, clock, per_minute=1, burst=2, trusted_proxies={"127.0.0.1"}) as server:
        one = {"X-Forwarded-For": "203.0.113.5"}
        assert [fetch(server, page(CODE), headers=one)[0] for _ in range(3)] == [200, 200, 429]
        assert fetch(server, page(CODE), headers={"X-Forwarded-For": "203.0.113.6"})[0] == 200
        # A client cannot escape by sending its own X-Forwarded-For: the proxy appends the real address.
        assert fetch(server, page(CODE), headers={"X-Forwarded-For": "198.51.100.1, 203.0.113.5"})[0] == 429
    with running(ctx, clock, per_minute=1, burst=2) as server:  # no trusted proxy: the header is ignored
        answers = [fetch(server, page(CODE), headers={"X-Forwarded-For": f"203.0.113.{i}"})[0] for i in range(3)]
        assert answers == [200, 200, 429]


def test_rate_limiter_refills_and_stays_bounded():
    now = [0.0]
    limiter = RateLimiter(per_minute=30, burst=10, clock=lambda: now[0])
    assert [limiter.take("a") for _ in range(10)] == [0.0] * 10
    assert limiter.take("a") == pytest.approx(2.0)
    assert limiter.take("b") == 0.0  # another client has its own bucket
    now[0] += 2.0
    assert limiter.take("a") == 0.0 and limiter.take("a") > 0
    limiter.MAX_CLIENTS = 100
    for i in range(1000):
        limiter.take(f"client-{i}")
        now[0] += 0.001
    assert len(limiter._buckets) <= 101
    assert RateLimiter(per_minute=0, burst=1).take("x") == 0.0  # 0: no limit


# ---- connections -----------------------------------------------------------------------------
def test_connections_are_kept_alive(server):
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    statuses, sockets = [], set()
    for path in (page(CODE), "/", f"/api/ho-so/{CODE}", page("x")):
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        statuses.append((response.status, response.will_close))
        sockets.add(id(connection.sock))
    connection.close()
    assert statuses == [(200, False), (200, False), (200, False), (404, False)] and len(sockets) == 1


class SlowQueries(PublicStatusQueries):
    """The real look-up, taking a while first (a request still running when the server stops)."""

    def lookup(self, code):
        time.sleep(0.8)
        return super().lookup(code)


def test_stop_finishes_requests_in_progress_and_closes_idle_connections(ctx, clock, received):
    with running(ctx, clock, queries=SlowQueries(ctx.db, clock)) as server:
        port = server.server_address[1]
        idle = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        idle.request("GET", "/")
        first = idle.getresponse()
        assert first.status == 200 and not first.will_close and first.read()
        answer: list = []
        busy = threading.Thread(target=lambda: answer.append(fetch(server, page(CODE))))
        busy.start()
        time.sleep(0.3)
        t0 = time.monotonic()
        server.stop()
        busy.join(timeout=10)
        assert time.monotonic() - t0 < 5
        assert answer and answer[0][0] == 200 and MASKED in answer[0][2]
        assert idle.sock.recv(1) == b""  # the idle kept-alive connection was closed
        idle.close()
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=2)


# ---- the command -----------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_lookup_server_command_serves_and_stops_on_sigterm(data_dir, received):
    """`counter-app lookup-server` on the data folder: serves the page, logs one line per request
    without the code, and exits 0 on SIGTERM."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "counter_app.cli", "--data-dir", str(data_dir), "lookup-server", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert process.stdout.readline().startswith(f"Lookup server on http://127.0.0.1:{port}/")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
        connection.request("GET", page(CODE))
        response = connection.getresponse()
        assert response.status == 200 and MASKED in response.read().decode("utf-8")
        connection.close()
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0 and "Lookup server stopped." in out
    assert "GET /tra-cuu-ho-so 200" in err and CODE not in err and "127.0.0.1" not in err


# ---- a real browser --------------------------------------------------------------------------
def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is required in CI (apt-get install chromium)", pytrace=False)
        pytest.skip("chromium is not installed")
    return found


def browse(tmp_path: Path, url: str, *options: str) -> subprocess.CompletedProcess:
    command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
               "--enable-logging=stderr", "--v=0", f"--user-data-dir={tmp_path / 'chromium-profile'}", *options, url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert "Content Security Policy" not in done.stderr, done.stderr  # the page needs nothing its CSP forbids
    return done


def test_chromium_renders_status_masked_name_and_not_found(server, tmp_path):
    dom = ById(browse(tmp_path, server.url + page(CODE), "--dump-dom").stdout).text
    assert (dom["tinh-trang"], dom["nguoi-nop"], dom["ma-ho-so"]) == ("Đã tiếp nhận", MASKED, CODE)
    dom = ById(browse(tmp_path, server.url + page("000.00.06.H15-261126-0777"), "--dump-dom").stdout).text
    assert dom["khong-tim-thay"].startswith("Không tìm thấy hồ sơ") and "tinh-trang" not in dom


def test_chromium_shows_the_rate_limit_page(ctx, clock, received, tmp_path):
    with running(ctx, clock, per_minute=1, burst=1) as server:  # no token back while the browser starts
        assert fetch(server, page(CODE))[0] == 200
        dom = ById(browse(tmp_path, server.url + page(CODE), "--dump-dom").stdout).text
    assert dom["thong-bao"].startswith("Quá nhiều yêu cầu") and "nguoi-nop" not in dom


@pytest.mark.parametrize(("name", "size"), [("lookup-status-page.png", (1000, 1000)), ("lookup-status-phone.png", (390, 900))])
def test_chromium_screenshot_of_the_status_page(server, tmp_path, name, size):
    """Screenshots for a visual check in test-artifacts/: not blank, the navy header band on top."""
    from PIL import Image  # noqa: PLC0415 - test extra

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / name
    target.unlink(missing_ok=True)
    browse(tmp_path, server.url + page(CODE), f"--screenshot={target}", f"--window-size={size[0]},{size[1]}",
           "--hide-scrollbars")
    with Image.open(target) as image:
        rgb = image.convert("RGB")
        assert rgb.size == size
        assert rgb.getpixel((size[0] - 5, 5)) == (0x0B, 0x3D, 0x91)  # the header band
        assert len(rgb.getcolors(maxcolors=1 << 20) or ()) > 200  # text was drawn, not a blank page
