"""Workstation settings, declared once with types and defaults.

These belong to one machine (which counter it is, which printer it uses), so they live in an
INI file in the data directory beside the embedded database, readable by the CLI and the GUI
alike. Shared rules of the centre live in the database (`services.centre_settings`).
"""

from __future__ import annotations

import configparser
from dataclasses import dataclass, fields, replace
from pathlib import Path

SETTINGS_FILE = "workstation.ini"
DATABASE_FILE = "counter_app.sqlite3"


@dataclass(frozen=True)
class WorkstationSettings:
    counter_number: int = 1
    printer_name: str = ""  # empty: the system's default printer
    print_without_dialog: bool = True
    receipt_copies: int = 1  # Mẫu 01 already holds both copies (kept + applicant's)
    pdf_output_dir: str = ""  # when set, prints go to PDF files there instead of a printer
    language: str = "vi"
    queue_groups: str = ""  # comma-separated service groups this counter calls; empty: every group

    def queue_group_codes(self) -> list[str]:
        return [code.strip().upper() for code in self.queue_groups.split(",") if code.strip()]

    @staticmethod
    def path(data_dir: Path) -> Path:
        return data_dir / SETTINGS_FILE

    @classmethod
    def load(cls, data_dir: Path) -> WorkstationSettings:
        parser = configparser.ConfigParser()
        parser.read(cls.path(data_dir), encoding="utf-8")
        section = parser["workstation"] if parser.has_section("workstation") else {}
        values = {}
        for f in fields(cls):
            if f.name not in section:
                continue
            raw = section[f.name]
            try:
                values[f.name] = (
                    int(raw) if f.type == "int" else raw.strip().lower() in ("1", "true", "yes") if f.type == "bool" else raw
                )
            except ValueError:
                continue  # a hand-edited bad value falls back to the default instead of stopping the counter
        return replace(cls(), **values)

    def save(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        parser = configparser.ConfigParser()
        parser["workstation"] = {f.name: str(getattr(self, f.name)) for f in fields(self)}
        tmp = self.path(data_dir).with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            parser.write(handle)
        tmp.replace(self.path(data_dir))  # atomic: a crash never leaves a half-written settings file
