"""Applying synced rows: table order, last version wins, one cached statement per table; the derived status."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

from sqlalchemy import create_engine, insert, select

from counter_app.models import Base
from counter_app.sync import apply

DOSSIER = Base.metadata.tables["dossier"]
EVENT = Base.metadata.tables["dossier_event"]


class Recorder:
    """A connection stand-in that records each execute: (table, rows)."""

    def __init__(self, dialect: str = "sqlite"):
        self.dialect = SimpleNamespace(name=dialect)
        self.calls: list[tuple[str, list[dict]]] = []
        self.statements: list = []

    def execute(self, statement, values):
        self.statements.append(statement)
        self.calls.append((statement.table.name, values))


def test_rows_go_table_by_table_parents_first_and_the_last_version_wins():
    items = [
        ("dossier", {"id": "d1", "status": 2}),
        ("dossier_document", {"id": "x1", "dossier_id": "d1", "position": 1}),
        ("dossier_event", {"id": "e1", "dossier_id": "d1", "seq": 1}),
        ("dossier", {"id": "d2", "status": 2}),
        ("dossier_event", {"id": "e2", "dossier_id": "d2", "seq": 1}),
        ("dossier", {"id": "d1", "status": 4}),  # a later version of d1
        ("dossier_document", {"id": "x2", "dossier_id": "d2", "position": 1}),
    ]
    connection = Recorder()
    assert apply.upsert_rows(connection, items) == 6
    tables = [name for name, _values in connection.calls]
    assert tables.index("dossier") < tables.index("dossier_document") and tables.index("dossier") < \
        tables.index("dossier_event")
    assert len(tables) == len(set(tables)) == 3  # one executemany per table
    sent = dict(connection.calls)
    assert sent["dossier"] == [{"id": "d2", "status": 2}, {"id": "d1", "status": 4}]
    assert [v["id"] for v in sent["dossier_document"]] == ["x1", "x2"]
    assert [v["id"] for v in sent["dossier_event"]] == ["e1", "e2"]

    again = Recorder()
    apply.upsert_rows(again, items)
    assert all(a is b for a, b in zip(connection.statements, again.statements))  # built once, reused


def test_rows_with_other_columns_get_their_own_statement():
    connection = Recorder("postgresql")
    apply.upsert_rows(connection, [("dossier", {"id": "d1", "status": 2}), ("dossier", {"id": "d2", "status": 2, "notes": ""})])
    assert [(name, [v["id"] for v in values]) for name, values in connection.calls] == \
        [("dossier", ["d1"]), ("dossier", ["d2"])]
    assert connection.statements[0] is not connection.statements[1]


def _dossier(dossier_id: str, status: int) -> dict:
    when = datetime(2026, 11, 26, 9, 0)
    return dict(id=dossier_id, code=f"C-{dossier_id}", agency="A", status=status, procedure_id="p", sets=1,
                return_method="counter", received_at=when, limit_value=1, limit_unit="day",
                counting_rule="working-days", after_cutoff=False, due_at=when, original_due_at=when, ledger_book="2026",
                ledger_entry=1, officer_id="u", counter_number=1, notes="", created_at=when, applicant_kind="individual",
                applicant_name="N", id_type="personal_id", id_number="1", date_of_birth=None, sex="female", address="",
                phone="", email="", representative_name="", representative_id="", authorisation_document="",
                search_name="n")


def test_recompute_status_follows_the_last_status_event_by_at_seq_id():
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine, tables=[DOSSIER, EVENT])  # no parent tables: foreign keys are off
    at = datetime(2026, 11, 26, 9, 0)
    later = datetime(2026, 11, 26, 9, 2)
    with engine.begin() as connection:
        connection.execute(insert(DOSSIER), [_dossier(f"d{i}", 2) for i in range(1, 5)] +
                           [_dossier(f"big{i}", 2) for i in range(1200)])
        connection.execute(insert(EVENT), [
            dict(id="a", dossier_id="d1", seq=1, at=at, kind="received", to_status=2, detail={}),
            dict(id="b", dossier_id="d1", seq=3, at=at, kind="status", to_status=5, detail={}),  # own, earlier `at`
            dict(id="c", dossier_id="d1", seq=2, at=later, kind="status", to_status=3, detail={}),  # latest `at` wins
            dict(id="d2b", dossier_id="d2", seq=2, at=at, kind="status", to_status=4, detail={}),
            dict(id="d2a", dossier_id="d2", seq=2, at=at, kind="status", to_status=6, detail={}),  # tie: larger id wins
            dict(id="d3a", dossier_id="d3", seq=2, at=later, kind="note", to_status=None, detail={}),  # no status event
        ] + [dict(id=f"e{i}", dossier_id=f"big{i}", seq=2, at=at, kind="status", to_status=3, detail={})
             for i in range(1200)])
        apply.recompute_status(connection, ["d1", "d2", "d3", None] + [f"big{i}" for i in range(1200)])
        status = dict(connection.execute(select(DOSSIER.c.id, DOSSIER.c.status)).all())
    assert (status["d1"], status["d2"], status["d3"], status["d4"]) == (3, 4, 2, 2)
    assert {status[f"big{i}"] for i in range(1200)} == {3}
