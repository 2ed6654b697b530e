"""Locate bundled resources (fonts, icons, translations, demo data) in a source tree or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """The `resources/` folder: beside the package in a checkout, under `sys._MEIPASS` when frozen."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. `resource_path("fonts", "LiberationSerif-Regular.ttf")`."""
    return resources_root().joinpath(*parts)


def default_data_dir() -> Path:
    """Where the embedded database and workstation settings live unless `--data-dir` says otherwise
    (COUNTER_APP_DATA_DIR overrides it too, e.g. for a kiosk account)."""
    import os

    from platformdirs import user_data_path

    override = os.environ.get("COUNTER_APP_DATA_DIR")
    return Path(override) if override else user_data_path("counter_app", appauthor=False)
