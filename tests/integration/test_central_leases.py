"""Leased blocks of the central day sequence: disjoint across counters, consecutive within a
block, and unique codes when some counters are offline (fall-back ranges)."""

from __future__ import annotations

import socket
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest

from counter_app.services import codes
from counter_app.sync import leases
from tests.integration.tcp_proxy import TcpProxy
from tests.unit.test_leases import counter_store, take

pytestmark = pytest.mark.postgres

DAY = date(2026, 11, 26)


def _agency() -> str:
    return "T" + uuid.uuid4().hex[:8]


def _dead_url(url: str) -> str:
    """`url` pointed at a loopback port where nothing listens (connection refused at once)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return url.replace(":5432/", f":{port}/")


def test_concurrent_leases_from_many_counters_never_overlap(central):
    """Forty leases taken at once by eight threads are disjoint blocks of BLOCK numbers below RANGE."""
    agency = _agency()
    with ThreadPoolExecutor(8) as pool:
        blocks = list(pool.map(lambda _: leases.lease_block(central.app_url, agency, codes.DOSSIER, DAY), range(40)))
    numbers = [n for first, last in blocks for n in range(first, last + 1)]
    assert all(last - first + 1 == leases.BLOCK for first, last in blocks)
    assert sorted(numbers) == list(range(1, 40 * leases.BLOCK + 1))


def test_leased_codes_are_consecutive_per_block(central, tmp_path):
    """An online counter issues 1…20 from its first block; a second counter's block follows it."""
    agency = _agency()
    a = counter_store(tmp_path / "a.sqlite3", 1)
    b = counter_store(tmp_path / "b.sqlite3", 2)
    try:
        leases.register(a, central.app_url)
        leases.register(b, central.app_url)
        first = take(a, 5, agency)
        other = take(b, 1, agency)
        rest = take(a, 16, agency)
        assert first + rest[:15] == list(range(1, 21))
        assert other == [21]
        assert rest[15] == 41  # a's next block comes after b's
    finally:
        a.dispose()
        b.dispose()


def test_offline_counter_issues_codes_in_its_own_range_without_waiting_twice(central, tmp_path):
    """With the centre unreachable, counter 7 issues 700001… and only the first code tries the network."""
    agency = _agency()
    db = counter_store(tmp_path / "c.sqlite3", 7)
    try:
        leases.register(db, _dead_url(central.app_url))
        numbers = take(db, 30, agency)
        assert numbers == list(range(700001, 700031))
        assert all(7 * leases.RANGE < n < 8 * leases.RANGE for n in numbers)
    finally:
        db.dispose()


def test_background_renewal_keeps_a_block_waiting(central, tmp_path):
    """`renew()` leases ahead when half the block is used, so the next block needs no network."""
    agency = _agency()
    db = counter_store(tmp_path / "c.sqlite3", 4)
    try:
        keys = [(agency, codes.DOSSIER, DAY)]
        assert leases.renew(db, central.app_url, keys) == 1
        assert leases.renew(db, central.app_url, keys) == 0  # a whole block at hand
        take(db, 12, agency)
        assert leases.renew(db, central.app_url, keys) == 1
        leases.register(db, _dead_url(central.app_url))  # the centre is gone now
        numbers = take(db, 28, agency)
        assert numbers == list(range(13, 41))  # 13…20, then the waiting block 21…40, no fall-back
    finally:
        db.dispose()


def test_three_counters_online_and_offline_issue_300_distinct_codes(central, tmp_path):
    """Counters 1 (online), 2 (its link cut and restored mid-way) and 3 (offline) issue 100 codes
    each at the same time: 300 distinct codes, fall-back ones inside each counter's range."""
    agency = _agency()
    proxy = TcpProxy(5432).start()
    stores = {n: counter_store(tmp_path / f"{n}.sqlite3", n) for n in (1, 2, 3)}
    urls = {1: central.app_url, 2: proxy.url_for(central.app_url), 3: _dead_url(central.app_url)}
    for n, db in stores.items():
        leases.register(db, urls[n])

    def work(n: int) -> list[int]:
        numbers = []
        for i in range(100):
            if n == 2 and i == 30:
                proxy.stop()
            if n == 2 and i == 70:
                proxy.start()
            if i % 10 == 0:
                try:
                    leases.renew(stores[n], urls[n], [(agency, codes.DOSSIER, DAY)])
                except Exception:  # noqa: BLE001 - offline: the sync worker would just retry later
                    pass
            numbers += take(stores[n], 1, agency)
        return numbers

    try:
        with ThreadPoolExecutor(3) as pool:
            results = dict(zip((1, 2, 3), pool.map(work, (1, 2, 3))))
    finally:
        proxy.stop()
        for db in stores.values():
            db.dispose()
    all_codes = {codes.format_code(agency, DAY, n) for numbers in results.values() for n in numbers}
    assert len(all_codes) == 300
    for n, numbers in results.items():
        assert all(x < leases.RANGE or n * leases.RANGE < x < (n + 1) * leases.RANGE for x in numbers)
    assert all(x > 3 * leases.RANGE for x in results[3])
    assert any(x < leases.RANGE for x in results[2]) and any(x > leases.RANGE for x in results[2])
