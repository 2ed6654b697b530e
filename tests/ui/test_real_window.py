"""The real main window on a real X server (Xvfb, xcb platform plugin), with a saved screenshot."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from counter_app.config import DATABASE_FILE

XVFB = Path("/usr/bin/Xvfb")
REPO = Path(__file__).resolve().parents[2]
ARTIFACT = REPO / "test-artifacts" / "intake-window.png"
DRIVER = Path(__file__).with_name("xvfb_driver.py")
OFFICER = "tiepnhan1"


@pytest.fixture
def xvfb_display():
    """A fresh Xvfb on a display number it picks itself (-displayfd: no clash with other servers)."""
    if not XVFB.exists():
        if os.environ.get("CI"):
            pytest.fail("Xvfb is required in CI (Debian package xvfb)")
        pytest.skip("Xvfb is not installed")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [str(XVFB), "-displayfd", str(write_fd), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()  # written once the server accepts connections
        if not number:
            server.kill()
            pytest.fail(f"Xvfb did not start: {server.communicate(timeout=10)[1].decode(errors='replace')}")
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _xcb_diagnosis() -> str:
    """ldd of the xcb plugin: the libraries it lacks name the Debian packages to install."""
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    result = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True)
    missing = [line.strip() for line in result.stdout.splitlines() if "not found" in line]
    return "missing libraries:\n" + ("\n".join(missing) or "(none: see the Qt message above)")


@pytest.mark.xvfb
def test_real_window_screenshot(xvfb_display, demo_template, passwords, tmp_path):
    """The main window starts on the xcb platform with the real thread runner, the intake form is
    filled, and a screenshot of the screen is saved to test-artifacts/ (not blank)."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copy(demo_template[0], data_dir / DATABASE_FILE)
    ARTIFACT.unlink(missing_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb_display, "QT_DEBUG_PLUGINS": "0",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH", "")]))}
    run = subprocess.run(
        [sys.executable, str(DRIVER), str(data_dir), OFFICER, passwords[OFFICER], str(ARTIFACT)],
        env=env, capture_output=True, text=True, timeout=180, cwd=REPO,
    )
    report = f"stdout:\n{run.stdout}\nstderr:\n{run.stderr}"
    if run.returncode != 0 and "platform plugin" in run.stderr:
        pytest.fail(f"the xcb platform plugin did not load.\n{report}\n{_xcb_diagnosis()}")
    assert run.returncode == 0, report
    assert "platform=xcb" in run.stdout, report
    with Image.open(ARTIFACT) as image:
        assert image.size == (1366, 768)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50, "the screenshot looks blank"
