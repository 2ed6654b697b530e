"""Shared fixtures: a real embedded database with the demo centre, copied fresh for each test.

The demo database is built once per test session (schema through Alembic, demo catalogue
through the real importer, demo accounts through the real auth service) and copied per test,
so every test starts from the same real state in milliseconds.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from counter_app.config import DATABASE_FILE  # noqa: E402
from counter_app.context import Context, database_for, open_context  # noqa: E402
from counter_app.services.setup import initialise  # noqa: E402

# A Thursday morning, a working day with no holiday near it.
FIXED_NOW = datetime(2026, 11, 26, 9, 30)
OFFICER = "tiepnhan1"
OFFICER_PASSWORD = "Counter2026"


class Clock:
    """A settable clock shared by every service of one test."""

    def __init__(self, now: datetime = FIXED_NOW):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("demo-template")
    db = database_for(folder)
    report = initialise(db, demo=True)
    passwords = {username: password for username, _role, password in report.created_users}
    ctx = open_context(folder, db=db)
    for username, password in passwords.items():
        new = OFFICER_PASSWORD if username == OFFICER else f"{username}-Pass1"
        ctx.auth.change_password(username, password, new)
        passwords[username] = new
    db.dispose()  # checkpoints the WAL so the single file is complete
    return folder / DATABASE_FILE, passwords


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def data_dir(tmp_path, demo_template) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(demo_template[0], folder / DATABASE_FILE)
    return folder


@pytest.fixture
def passwords(demo_template) -> dict[str, str]:
    return dict(demo_template[1])


@pytest.fixture
def ctx(data_dir, clock) -> Context:
    context = open_context(data_dir, clock=clock)
    yield context
    context.close()


@pytest.fixture
def officer(ctx, passwords):
    return ctx.auth.login(OFFICER, passwords[OFFICER])


@pytest.fixture
def dept(ctx, passwords):
    """A department officer of Sở Tư pháp (the demo procedure's department)."""
    return ctx.auth.login("chuyenvien", passwords["chuyenvien"])


@pytest.fixture
def other_dept(ctx, passwords):
    """A department officer of Sở Xây dựng."""
    return ctx.auth.login("chuyenvien2", passwords["chuyenvien2"])


@pytest.fixture
def supervisor(ctx, passwords):
    return ctx.auth.login("giamsat", passwords["giamsat"])
