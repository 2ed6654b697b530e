"""`counter-app queue issue|call|groups|close-day`, run as real processes on a real data directory."""

from __future__ import annotations

import json

from tests.unit.test_cli import run


def test_queue_groups_issue_and_call(data_dir):
    groups = run("queue", "groups", "--json", data_dir=data_dir)
    assert groups.returncode == 0, groups.stderr
    assert [g["code"] for g in json.loads(groups.stdout)] == ["A", "B", "C", "D", "E"]
    assert "Tư pháp" in run("queue", "groups", data_dir=data_dir).stdout

    empty = run("queue", "call", "--counter", "3", data_dir=data_dir)
    assert (empty.returncode, empty.stdout) == (0, "")

    first = run("queue", "issue", "B", data_dir=data_dir)
    assert (first.returncode, first.stdout.strip()) == (0, "B001")
    second = run("queue", "issue", "b", "--priority", "--json", data_dir=data_dir)
    ticket = json.loads(second.stdout)
    assert (ticket["display"], ticket["priority"], ticket["ahead"]) == ("B002", True, 0)

    called = run("queue", "call", "--counter", "3", data_dir=data_dir)
    assert (called.returncode, called.stdout.strip()) == (0, "B001")
    again = run("queue", "call", "--counter", "3", "--json", data_dir=data_dir)  # not started: same ticket
    assert json.loads(again.stdout)["display"] == "B001"
    other = run("queue", "call", "--counter", "4", "--groups", "A", data_dir=data_dir)
    assert (other.returncode, other.stdout) == (0, "")


def test_unknown_group_is_refused(data_dir):
    result = run("--lang", "en", "queue", "issue", "Z", data_dir=data_dir)
    assert result.returncode == 1 and "no service group Z" in result.stderr


def test_close_day_closes_what_still_waits(data_dir):
    assert run("queue", "issue", "A", data_dir=data_dir).returncode == 0
    closed = run("queue", "close-day", "--no-carry-over", "--json", data_dir=data_dir)
    assert closed.returncode == 0, closed.stderr
    assert json.loads(closed.stdout) == {"closed": 1, "carried_over": 0}
    again = run("queue", "close-day", "--json", data_dir=data_dir)  # idempotent
    assert json.loads(again.stdout) == {"closed": 0, "carried_over": 0}
    assert run("queue", "call", "--counter", "2", data_dir=data_dir).stdout == ""


def test_a_status_inside_a_refusal_is_translated_with_its_sentence():
    """"Ticket A001 is serving" would mix languages: the status is a message of its own."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    script = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from counter_app.i18n import install_translators, translate_message\n"
        "from counter_app.services.errors import Message\n"
        "from counter_app.services.queue_types import status_word\n"
        "app = QCoreApplication([])\n"
        "install_translators(app, 'vi')\n"
        "m = Message('Ticket {number} is {status}; this is not possible now.', {'number': 'A001', 'status': status_word('serving')})\n"
        "print(translate_message(m)); print(m.english())\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    vietnamese, english = out.stdout.strip().splitlines()
    assert "A001" in vietnamese and "đang được phục vụ" in vietnamese and "serving" not in vietnamese
    assert english == "Ticket A001 is being served; this is not possible now."
