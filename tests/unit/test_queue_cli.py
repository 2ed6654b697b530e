"""`counter-app queue issue|call|groups`, run as real processes on a real data directory."""

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
