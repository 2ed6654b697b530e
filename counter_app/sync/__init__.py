"""Local store <-> central PostgreSQL synchronisation (design: docs/sync.md); no Qt.

- `local_store`: the outbox written in the same transaction as every local change.
- `rows`: JSON <-> row values by table metadata, for SQLite and PostgreSQL payloads.
- `push`, `pull`: one batch each way; `engine.SyncEngine` drives them and records the status.
"""
