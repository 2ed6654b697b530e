"""`counter-app dossier ACTION CODE … --as USER`: the inbox and counter actions by command line, run
in-process through `cli.main` on a real copied demo database with the real clock (as the CLI runs).

In-process calls pass `--lang en` (Vietnamese messages need Qt's translator, which would create a
QCoreApplication inside the test process); the Vietnamese path runs as a real process at the end.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import update

from counter_app.cli import main
from counter_app.context import open_context
from counter_app.models import User
from counter_app.services import centre_settings
from counter_app.services.calendar_store import load_calendar
from tests.factories import APPLICANT, intake
from tests.pdf_tools import pdf_text
from tests.unit.test_cli import dossier_json, run


@pytest.fixture
def cli(data_dir, capsys):
    """Run the command line in-process; returns (exit code, stdout, stderr)."""

    def call(*args: str, lang: str = "en") -> tuple[int, str, str]:
        code = main(["--data-dir", str(data_dir), "--lang", lang, *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


def _receive(data_dir, received_at: datetime | None = None) -> str:
    ctx = open_context(data_dir)
    try:
        officer = ctx.auth.get("tiepnhan1")
        return ctx.intake.receive(intake(ctx, received_at=received_at), officer, counter_number=1).code
    finally:
        ctx.close()


def _working_day(data_dir, after: date, *, working: bool = True) -> date:
    """The first day after `after` that is (or is not) a working day by the centre's calendar."""
    ctx = open_context(data_dir)
    try:
        with ctx.db.reader() as session:
            calendar = load_calendar(session, centre_settings.load(session))
    finally:
        ctx.close()
    day = after + timedelta(days=1)
    while calendar.is_working_day(day) != working:
        day += timedelta(days=1)
    return day


def _show(cli, code: str) -> dict:
    status, out, err = cli("dossier", "show", code, "--json")
    assert status == 0, err
    return json.loads(out)


def _kinds(cli, code: str) -> list[str]:
    return [e["kind"] for e in _show(cli, code)["events"] if e["kind"] not in ("notified", "notice_failed")]


def test_whole_life_by_command_line(cli, data_dir, tmp_path):
    """create → handover → accept --list → apologize (twice: refused) → ready → return with the applicant's identifier."""
    file = tmp_path / "d.json"
    file.write_text(json.dumps(dossier_json(received_at=None), ensure_ascii=False), encoding="utf-8")
    status, out, err = cli("dossier", "create", "--json", str(file))
    assert status == 0, err
    code = out.strip()

    status, out, _ = cli("dossier", "handover-queue", "--json")
    assert [r["code"] for r in json.loads(out)] == [code]
    status, out, err = cli("dossier", "handover", code, "--as", "tiepnhan1", "--json")
    assert status == 0, err
    listed = json.loads(out)
    assert listed["list_number"].endswith("-BG0001") and listed["department_name"] == "Sở Tư pháp"
    assert listed["codes"] == [code] and listed["late_codes"] == []
    assert json.loads(cli("dossier", "handover-queue", "--json")[1]) == []

    status, out, _ = cli("dossier", "inbox", "--as", "chuyenvien")
    assert status == 0 and code in out and "to accept" in out
    left = next(line for line in out.splitlines() if line.startswith(code)).split()[3]
    assert 79 <= int(left.split("h")[0]) <= 80  # 10 working days of 8 hours, less the seconds since intake
    assert cli("dossier", "inbox", "--as", "chuyenvien2")[1].strip() == "No dossiers."

    status, out, err = cli("dossier", "accept", "--list", listed["list_number"], "--as", "chuyenvien", "--json")
    assert status == 0, err
    [accepted] = json.loads(out)
    assert (accepted["code"], accepted["status"], accepted["reference"]) == (code, 4, listed["list_number"])

    original_due = datetime.fromisoformat(_show(cli, code)["due_at"])
    new_day = _working_day(data_dir, original_due.date() + timedelta(days=7))
    status, out, err = cli("dossier", "apologize", code, "--reason", "Cần xác minh thêm tại địa phương",
                           "--new-due", f"{new_day:%d/%m/%Y}", "--as", "chuyenvien")
    assert status == 0, err
    assert out.startswith(code) and "no. 1/PXL" in out and "Processing" in out
    shown = _show(cli, code)
    assert datetime.fromisoformat(shown["due_at"]).date() == new_day
    assert shown["original_due_at"] == original_due.isoformat(timespec="minutes")

    status, out, err = cli("dossier", "apologize", code, "--reason", "Lần hai", "--new-due",
                           _working_day(data_dir, new_day).isoformat(), "--as", "chuyenvien")
    assert (status, out) == (1, "")
    assert "already moved once" in err
    assert datetime.fromisoformat(_show(cli, code)["due_at"]).date() == new_day  # nothing written

    status, out, err = cli("dossier", "ready", code, "--note", "Đã ký", "--as", "chuyenvien")
    assert status == 0, err
    assert "Result ready" in out and ("Early" in out or "On time" in out)

    status, _, err = cli("dossier", "return", code, "--collector-id", "079090001234", "--as", "tiepnhan1")
    assert status == 1 and "collector.id_number: The identifier shown does not match" in err
    status, out, err = cli("dossier", "return", code, "--collector-id", APPLICANT.id_number, "--as", "tiepnhan1", "--json")
    assert status == 0, err
    assert json.loads(out)["status"] == 10
    assert _kinds(cli, code) == ["received", "handover", "accept", "apologize", "ready", "return"]
    returned = [e for e in _show(cli, code)["events"] if e["kind"] == "return"][0]
    assert returned["detail"]["collector_id"] == APPLICANT.id_number and returned["detail"]["method"] == "counter"

    # Every form of the dossier's life, by `counter-app print`.
    received = datetime.fromisoformat(_show(cli, code)["received_at"]).date()
    for args, title in ((("apology", code), "PHIẾU XIN LỖI"), (("control-sheet", code), "PHIẾU KIỂM SOÁT"),
                        (("handover-list", listed["list_number"]), "DANH SÁCH BÀN GIAO"), (("return", code), "PHIẾU TRẢ KẾT QUẢ"),
                        (("ledger", "--field", "TP-LLTP", "--from", received.isoformat(), "--to", received.isoformat()),
                         "SỔ THEO DÕI HỒ SƠ")):
        pdf = tmp_path / f"{args[0]}.pdf"
        status, out, err = cli("print", *args, "-o", str(pdf))
        assert status == 0, err
        text = " ".join(pdf_text(pdf.read_bytes()).split())
        assert title in text and code in text, args[0]
    status, _, err = cli("print", "ledger", "--field", "TP-LLTP", "-o", str(tmp_path / "x.pdf"))
    assert status == 1 and "--from" in err


def test_another_departments_officer_is_refused_and_nothing_is_written(cli, data_dir):
    code = _receive(data_dir)
    assert cli("dossier", "handover", code, "--as", "tiepnhan1")[0] == 0
    status, out, err = cli("dossier", "accept", code, "--as", "chuyenvien2")
    assert (status, out) == (1, "")
    assert "belongs to another department" in err
    status, _, err = cli("dossier", "accept", code, "--as", "tiepnhan1")
    assert status == 1 and "Your role (reception) may not do this." in err
    assert _kinds(cli, code) == ["received", "handover"]
    assert cli("dossier", "accept", code, "--as", "chuyenvien")[0] == 0


def test_unknown_and_disabled_accounts_are_refused(cli, data_dir):
    code = _receive(data_dir)
    status, out, err = cli("dossier", "handover", code, "--as", "nobody")
    assert (status, out) == (1, "") and "No such user: nobody" in err
    ctx = open_context(data_dir)
    with ctx.db.transaction() as session:
        session.execute(update(User).where(User.username == "tiepnhan1").values(active=False))
    ctx.close()
    status, _, err = cli("dossier", "handover", code, "--as", "TiepNhan1")
    assert status == 1 and "The account tiepnhan1 is disabled." in err
    assert _kinds(cli, code) == ["received"]


def test_illegal_transitions_are_refused_with_the_status(cli, data_dir):
    code = _receive(data_dir)
    status, _, err = cli("dossier", "ready", code, "--as", "chuyenvien")
    assert status == 1 and 'Not possible while the dossier is "Received".' in err
    status, _, err = cli("dossier", "return", code, "--collector-id", APPLICANT.id_number, "--as", "tiepnhan1")
    assert status == 1 and 'Not possible while the dossier is "Received".' in err
    status, _, err = cli("dossier", "accept", code, "--as", "chuyenvien")  # not handed over yet
    assert status == 1 and "has not been handed over" in err
    status, _, err = cli("dossier", "ready", "000.00.06.H15-990101-0001", "--as", "chuyenvien")
    assert status == 1 and "No dossier with code" in err
    assert _kinds(cli, code) == ["received"]


def test_bad_new_due_is_refused(cli, data_dir, capsys):
    code = _receive(data_dir)
    cli("dossier", "handover", code, "--as", "tiepnhan1")
    cli("dossier", "accept", code, "--as", "chuyenvien")
    for bad in ("31/02/2027", "next week", "2027-01-05 25:00"):
        with pytest.raises(SystemExit) as stopped:
            main(["--data-dir", str(data_dir), "dossier", "apologize", code, "--reason", "x", "--new-due", bad,
                  "--as", "chuyenvien"])
        assert stopped.value.code == 2
        assert "invalid date" in capsys.readouterr().err
    due = datetime.fromisoformat(_show(cli, code)["due_at"])
    day_off = _working_day(data_dir, due.date(), working=False)
    status, _, err = cli("dossier", "apologize", code, "--reason", "x", "--new-due", day_off.isoformat(), "--as", "chuyenvien")
    assert status == 1 and err.startswith("apology.new_due:") and "is not a working day" in err
    status, _, err = cli("dossier", "apologize", code, "--reason", "x", "--new-due", f"{due:%Y-%m-%dT%H:%M}",
                         "--as", "chuyenvien")
    assert status == 1 and "must be later than the current appointment" in err
    status, _, err = cli("dossier", "apologize", code, "--reason", "  ", "--new-due",
                         _working_day(data_dir, due.date()).isoformat(), "--as", "chuyenvien")
    assert status == 1 and err.startswith("apology.reason:")
    assert _kinds(cli, code) == ["received", "handover", "accept"]


def test_supplement_fees_and_withdrawal(cli, data_dir, capsys):
    code = _receive(data_dir)
    cli("dossier", "handover", code, "--as", "tiepnhan1")
    cli("dossier", "accept", code, "--as", "chuyenvien")
    status, out, err = cli("dossier", "request-supplement", code, "--item", "Bản sao giấy khai sinh:0,1,0",
                           "--item", "Tờ khai: bản có chữ ký", "--notes", "Ghi rõ nơi cư trú", "--as", "chuyenvien", "--json")
    assert status == 0, err
    asked = json.loads(out)
    assert asked["status"] == 5 and "-BS" in asked["reference"]
    ctx = open_context(data_dir)
    slip = ctx.dossiers.slip(asked["reference"])
    ctx.close()
    assert [(i.name, i.originals, i.certified_copies, i.photocopies) for i in slip.items] == [
        ("Bản sao giấy khai sinh", 0, 1, 0), ("Tờ khai: bản có chữ ký", 0, 0, 0)]
    assert slip.notes == ("Ghi rõ nơi cư trú",)
    with pytest.raises(SystemExit):
        main(["--data-dir", str(data_dir), "dossier", "request-supplement", code, "--item", ":1,2", "--as", "chuyenvien"])
    assert "invalid item" in capsys.readouterr().err

    assert cli("dossier", "supplement-received", code, "--as", "tiepnhan1")[0] == 0
    assert "Waiting for fees" in cli("dossier", "await-fees", code, "--as", "chuyenvien")[1]
    assert "Processing" in cli("dossier", "fees-paid", code, "--note", "Biên lai 12", "--as", "tiepnhan1")[1]
    status, _, err = cli("dossier", "withdraw", code, "--reason", "", "--as", "tiepnhan1")
    assert status == 1 and err.startswith("reason:")
    status, out, _ = cli("dossier", "withdraw", code, "--reason", "Công dân xin rút", "--as", "tiepnhan1")
    assert status == 0 and "Withdrawn by the applicant" in out
    assert _kinds(cli, code) == ["received", "handover", "accept", "request_supplement", "supplement_received",
                                 "await_fees", "fees_paid", "withdraw"]


def test_late_lists_for_supervisors_follow_apology_and_explanation(cli, data_dir):
    late = _receive(data_dir, datetime.now().replace(second=0, microsecond=0) - timedelta(days=60))
    fresh = _receive(data_dir)
    status, out, _ = cli("dossier", "late", "--json")
    lists = json.loads(out)
    assert [r["code"] for r in lists["without_apology"]] == [late]
    assert [r["code"] for r in lists["without_explanation"]] == [late]

    status, out, _ = cli("dossier", "handover-queue")
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "  LATE  " in lines[late] and "LATE" not in lines[fresh] and "hand-over by" in lines[fresh]
    status, out, _ = cli("dossier", "handover", late, fresh, "--as", "tiepnhan1")
    assert status == 0 and f"handed over late: {late}" in out and "2 dossier(s)" in out
    cli("dossier", "accept", late, "--as", "chuyenvien")

    status, out, _ = cli("dossier", "inbox", "--as", "giamsat")  # supervisors: every department
    rows = out.splitlines()
    assert rows[1].startswith(late) and "overdue" in rows[1] and "apology needed" in rows[1]
    assert rows[1].split()[3].startswith("-")  # working time left is negative once past due
    assert rows[2].startswith(fresh) and "to accept" in rows[2]
    assert cli("dossier", "inbox", "--as", "giamsat", "--department", "SXD")[1].strip() == "No dossiers."
    status, _, err = cli("dossier", "inbox", "--as", "giamsat", "--department", "XYZ")
    assert status == 1 and "No department with code XYZ." in err
    status, _, err = cli("dossier", "inbox", "--as", "tiepnhan1")
    assert status == 1 and "may not do this" in err

    new_day = _working_day(data_dir, date.today() + timedelta(days=14))
    assert cli("dossier", "apologize", late, "--reason", "Chờ kết quả xác minh", "--new-due", new_day.isoformat(),
               "--as", "chuyenvien")[0] == 0
    lists = json.loads(cli("dossier", "late", "--json")[1])
    assert lists["without_apology"] == [] and [r["code"] for r in lists["without_explanation"]] == [late]
    status, out, err = cli("dossier", "explain", fresh, "--text", "Không trễ", "--as", "chuyenvien")
    assert status == 1 and "is not late" in err
    assert cli("dossier", "explain", late, "--text", "Địa phương chậm trả lời xác minh", "--as", "chuyenvien")[0] == 0
    status, out, _ = cli("dossier", "late")
    assert out.splitlines() == ["Late without an apology (0):", "Late without an explanation (0):"]


def test_output_is_vietnamese_by_default(cli, data_dir):
    """Human output needs no Qt: the portal's labels (Vietnamese unless --lang en)."""
    code = _receive(data_dir)
    status, out, err = cli("dossier", "handover", code, "--as", "tiepnhan1", lang="vi")
    assert status == 0, err
    assert out.startswith("Danh sách bàn giao ") and "→ Sở Tư pháp: 1 hồ sơ" in out
    out = cli("dossier", "inbox", "--as", "chuyenvien", lang="vi")[1]
    assert "HẸN TRẢ" in out and "Đã tiếp nhận" in out and "chờ nhận" in out
    out = cli("dossier", "accept", code, "--as", "chuyenvien", lang="vi")[1]
    assert out.startswith(code) and "Đang giải quyết" in out and "hẹn trả" in out
    assert cli("dossier", "await-fees", code, "--as", "chuyenvien", lang="vi")[0] == 0
    head, row = cli("dossier", "inbox", "--as", "chuyenvien", lang="vi")[1].splitlines()
    assert row.endswith("Chờ thực hiện nghĩa vụ tài chính  tạm dừng tính thời gian")
    assert head.index("GHI CHÚ") == row.index("tạm dừng")  # the columns line up under their heads


def test_refusals_are_translated_to_vietnamese_as_a_real_process(data_dir):
    result = run("dossier", "handover", _receive(data_dir), "--as", "khongco", data_dir=data_dir)
    assert result.returncode == 1 and result.stdout == ""
    assert "Không có tài khoản người dùng: khongco" in result.stderr


def test_a_department_officer_is_added_with_a_department(cli, data_dir):
    """`user add --role department` needs `--department CODE`; the new officer sees that department's inbox."""
    status, _, err = cli("user", "add", "chuyenvien3", "--name", "Đỗ Minh Khoa", "--role", "department")
    assert status == 1 and "user.department" in err
    status, _, err = cli("user", "add", "chuyenvien3", "--name", "Đỗ Minh Khoa", "--role", "department", "--department", "NOPE")
    assert status == 1 and "NOPE" in err
    status, out, err = cli("user", "add", "chuyenvien3", "--name", "Đỗ Minh Khoa", "--role", "department", "--department", "stp")
    assert status == 0, err
    code = _receive(data_dir)
    assert cli("dossier", "handover", code, "--as", "tiepnhan1")[0] == 0
    status, out, _ = cli("dossier", "inbox", "--as", "chuyenvien3")
    assert status == 0 and code in out


def test_timeliness_per_department(cli, data_dir):
    """`dossier timeliness --as USER`: every department's counts for supervisors (JSON and a
    Vietnamese table), one's own for a department officer; reception and a reversed period are refused."""
    held, done = _receive(data_dir), _receive(data_dir)
    assert cli("dossier", "handover", held, done, "--as", "tiepnhan1")[0] == 0
    for code in (held, done):
        assert cli("dossier", "accept", code, "--as", "chuyenvien")[0] == 0
    assert cli("dossier", "ready", done, "--as", "chuyenvien")[0] == 0  # two weeks early

    status, out, err = cli("dossier", "timeliness", "--as", "giamsat", "--json")
    assert status == 0, err
    view = json.loads(out)
    assert view["until"] == date.today().isoformat() and view["since"] == date.today().replace(day=1).isoformat()
    first = view["departments"][0]
    assert first["department_name"] == "Sở Tư pháp" and len(view["departments"]) > 1
    assert (first["open"], first["completed"], first["early"], first["on_time_ratio"]) == (1, 1, 1, 1.0)

    out = cli("dossier", "timeliness", "--as", "giamsat", lang="vi")[1].splitlines()
    assert out[0].startswith("Kết quả giải quyết từ 01/") and out[1].startswith("CƠ QUAN")
    assert out[2].split()[:3] == ["Sở", "Tư", "pháp"] and out[2].endswith("100%")
    own = json.loads(cli("dossier", "timeliness", "--as", "chuyenvien", "--json")[1])
    assert [d["department_name"] for d in own["departments"]] == ["Sở Tư pháp"]
    status, _, err = cli("dossier", "timeliness", "--as", "tiepnhan1")
    assert status == 1 and "may not" in err
    status, _, err = cli("dossier", "timeliness", "--as", "giamsat", "--from", "2026-12-01", "--to", "2026-11-01")
    assert status == 1 and "ends before it starts" in err
