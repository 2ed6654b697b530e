"""`counter-app kiosk` and `counter-app display` start as real processes on a demo data folder,
and refuse a folder without a database (the PostgreSQL case: tests/integration/test_queue_central.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def start_screen(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COUNTER_APP_STARTUP_PROBE="1")
    return subprocess.run([sys.executable, "-m", "counter_app.cli", *args], capture_output=True, text=True,
                          env=env, timeout=120)


@pytest.mark.parametrize("screen", ["kiosk", "display"])
def test_the_screen_starts_on_a_data_folder(data_dir, screen):
    result = start_screen("--data-dir", str(data_dir), screen)
    assert result.returncode == 0, result.stderr
    assert f"{screen}-shown" in result.stdout


def test_a_screen_refuses_an_uninitialised_folder(tmp_path):
    result = start_screen("--data-dir", str(tmp_path / "empty"), "kiosk", "--windowed")
    assert result.returncode == 2
    assert "kiosk-shown" not in result.stdout
