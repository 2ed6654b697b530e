"""The `counter-app` command line, run as a real process on a real data directory."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.factories import APPLICANT, PROCEDURE
from tests.pdf_tools import decode_codes, pdf_page_images, pdf_text


def run(*args, data_dir=None, stdin: str | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "counter_app.cli"]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, input=stdin, timeout=120)


def dossier_json(**changes) -> dict:
    data = {
        "procedure": PROCEDURE,
        "applicant": {"kind": "individual", "name": APPLICANT.name, "id_number": APPLICANT.id_number,
                      "date_of_birth": "1990-05-12", "sex": "female", "address": APPLICANT.address,
                      "phone": APPLICANT.phone, "email": APPLICANT.email},
        "documents": "all", "sets": 1, "return_method": "counter", "officer": "tiepnhan1",
        "received_at": "2026-02-13 10:00",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--received", "2026-02-13 10:00", "--limit", "3", "--unit", "working-days"], "2026-02-25T10:00"),
        (["--received", "2026-08-21 10:00", "--limit", "1", "--unit", "working-days"], "2026-08-22T10:00"),
        (["--received", "2026-08-28 16:00", "--limit", "1", "--unit", "working-days", "--after-cutoff"], "2026-09-03T17:00"),
        (["--received", "2026-11-23 09:00", "--limit", "1", "--unit", "working-days", "--rule", "civil"], "2026-11-25T17:00"),
        (["--received", "2026-04-24 10:00", "--limit", "8", "--unit", "working-hours"], "2026-04-28T10:00"),
    ],
)
def test_due_date_prints_the_due_time(tmp_path, args, expected):
    """`due-date` follows DOMAIN.md's rules and 2026 calendar (Tết, 22/8 ↔ 31/8, 1–2/9, 24/11, 27/4)."""
    result = run("due-date", *args, data_dir=tmp_path / "none")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_init_create_show_print_round_trip(tmp_path):
    """db init --demo, dossier create, dossier show --json and print receipt work end to end."""
    data = tmp_path / "data"
    init = run("db", "init", "--demo", data_dir=data)
    assert init.returncode == 0, init.stderr
    assert "tiepnhan1" in init.stdout and "giamsat" in init.stdout
    again = run("db", "init", "--demo", data_dir=data)
    assert "tiepnhan1" not in again.stdout  # passwords are printed once only

    listed = json.loads(run("catalog", "list", "--json", data_dir=data).stdout)
    assert len(listed) >= 30
    assert {"code", "name", "department", "limit", "unit", "documents"} <= set(listed[0])
    users = json.loads(run("user", "list", "--json", data_dir=data).stdout)
    assert {"username", "full_name", "role"} <= set(users[0])

    file = tmp_path / "d.json"
    file.write_text(json.dumps(dossier_json(), ensure_ascii=False), encoding="utf-8")
    created = run("dossier", "create", "--json", str(file), data_dir=data)
    assert created.returncode == 0, created.stderr
    code = created.stdout.strip()
    assert code == "000.00.06.H15-260213-0001"

    shown = json.loads(run("dossier", "show", code, "--json", data_dir=data).stdout)
    assert shown["status"] == 2 and shown["code"] == code
    assert shown["received_at"] == "2026-02-13T10:00"
    assert shown["due_at"] == shown["original_due_at"] == "2026-03-06T10:00"  # 10 working days across Tết (16–20/2 off)
    assert shown["applicant"]["name"] == APPLICANT.name and shown["procedure"]["code"] == PROCEDURE
    assert [e["kind"] for e in shown["events"]] == ["received"]

    pdf = tmp_path / "r.pdf"
    printed = run("print", "receipt", code, "-o", str(pdf), data_dir=data)
    assert printed.returncode == 0, printed.stderr
    text = pdf_text(pdf.read_bytes())
    assert code in text and APPLICANT.name in text
    assert (("QR_CODE", f"https://dichvucong.example.gov.vn/tra-cuu-ho-so?ma={code}")
            in [(f.replace("QRCode", "QR_CODE"), t) for f, t in decode_codes(pdf_page_images(pdf.read_bytes())[0])])
    shown = json.loads(run("dossier", "show", code, "--json", data_dir=data).stdout)
    assert shown["prints"][0]["ok"] and [e["kind"] for e in shown["events"]] == ["received", "printed"]


def test_bad_json_is_refused_in_vietnamese_with_field_names(tmp_path):
    """`dossier create` runs the intake validation: errors per field on stderr, exit 1, nothing saved."""
    data = tmp_path / "data"
    run("db", "init", "--demo", data_dir=data)
    bad = dossier_json(applicant={"kind": "individual", "name": "", "id_number": "123", "phone": "12",
                                  "address": "x", "extra": 1}, sets=0)
    result = run("dossier", "create", "--json", "-", data_dir=data, stdin=json.dumps(bad))
    assert result.returncode == 1
    for field in ("applicant.extra",):
        assert field in result.stderr
    bad.pop("applicant")
    bad["applicant"] = {"kind": "individual", "name": "", "id_number": "123", "phone": "12", "address": "x"}
    result = run("dossier", "create", "--json", "-", data_dir=data, stdin=json.dumps(bad))
    assert result.returncode == 1
    for field in ("applicant.name", "applicant.id_number", "applicant.phone", "sets"):
        assert field in result.stderr
    assert run("dossier", "show", "000.00.06.H15-260213-0001", data_dir=data).returncode == 1


def test_commands_on_an_uninitialised_folder_say_what_to_run(tmp_path):
    """Without a schema the CLI refuses and tells the administrator to run db init."""
    result = run("catalog", "list", data_dir=tmp_path / "empty", )
    assert result.returncode == 1
    assert "db init" in result.stderr


def test_unknown_dossier_is_an_error(tmp_path):
    """Showing or printing an unknown code exits non-zero with a message."""
    data = tmp_path / "data"
    run("db", "init", data_dir=data)
    assert run("dossier", "show", "X-260101-0001", data_dir=data).returncode == 1
    assert run("print", "receipt", "X-260101-0001", "-o", str(tmp_path / "x.pdf"), data_dir=data).returncode == 1


def test_admin_edited_day_off_moves_due_dates(tmp_path):
    """An extra day off set with `calendar set` wins over the holiday list, and `unset` restores it."""
    data = tmp_path / "data"
    run("db", "init", data_dir=data)
    args = ("due-date", "--received", "2026-12-30 10:00", "--limit", "1", "--unit", "working-days")
    assert run(*args, data_dir=data).stdout.strip() == "2026-12-31T10:00"
    assert run("calendar", "set", "2026-12-31", "--off", "--note", "Nghỉ bù", data_dir=data).returncode == 0
    assert run(*args, data_dir=data).stdout.strip() == "2027-01-04T10:00"
    assert "Nghỉ bù" in run("calendar", "list", "--year", "2026", data_dir=data).stdout
    run("calendar", "unset", "2026-12-31", data_dir=data)
    assert run(*args, data_dir=data).stdout.strip() == "2026-12-31T10:00"


def test_workstation_and_centre_settings_round_trip(tmp_path):
    """Counter number and printer are stored per workstation; the agency identifier is shared and used in codes."""
    data = tmp_path / "data"
    run("db", "init", "--demo", data_dir=data)
    shown = json.loads(run("workstation", "set", "--counter", "5", "--printer", "EPSON-A5", data_dir=data).stdout)
    assert shown["counter_number"] == 5 and shown["printer_name"] == "EPSON-A5"
    assert json.loads(run("workstation", "show", data_dir=data).stdout)["counter_number"] == 5
    assert run("settings", "set", "agency_id", "000.00.12.H66", data_dir=data).returncode == 0
    created = run("dossier", "create", "--json", "-", data_dir=data, stdin=json.dumps(dossier_json()))
    assert created.stdout.strip() == "000.00.12.H66-260213-0001"
    assert run("settings", "set", "nonsense", "1", data_dir=data).returncode == 1
