"""The composition root `counter_app.app.main`, run as the real program in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image

from counter_app.config import DATABASE_FILE

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH", "")]))}
    return subprocess.run([sys.executable, "-m", "counter_app", *args], env=env, capture_output=True, text=True,
                          timeout=120, cwd=REPO)


def test_starts_to_the_login_window(demo_template, tmp_path):
    """On a demo database the app starts (schema checked, translators, runner) and shows the login."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copy(demo_template[0], data_dir / DATABASE_FILE)
    shot = tmp_path / "login.png"
    run = _run("--data-dir", str(data_dir), "--offscreen-screenshot", str(shot))
    assert run.returncode == 0, run.stderr
    with Image.open(shot) as image:
        assert image.width > 300 and len(image.convert("RGB").getcolors(1 << 20) or ()) > 5


def test_refuses_a_database_without_schema(tmp_path):
    """An empty data folder is refused with exit code 2 and the administrator's command."""
    run = _run("--data-dir", str(tmp_path / "empty"), "--offscreen-screenshot", str(tmp_path / "x.png"))
    assert run.returncode == 2
    assert "counter-app db init" in run.stderr
    assert not (tmp_path / "x.png").exists()
