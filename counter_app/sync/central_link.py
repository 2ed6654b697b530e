"""Short direct psycopg connections to the central PostgreSQL database (leases, LISTEN).

Guarantees: every connection made here has a bounded connect timeout (2 s by default), so a
counter whose network or server is down learns it quickly instead of hanging; the URL forms an
administrator types (`postgresql://`, `postgres://`, `postgresql+psycopg://`) are all accepted.
No Qt; thread-safe (nothing shared).
"""

from __future__ import annotations

import psycopg
from sqlalchemy import make_url
from sqlalchemy.engine import URL

from counter_app.services.db import normalise_url

CONNECT_TIMEOUT = 2  # seconds; the brief's budget for "is the centre there?"


def parse(url: str) -> URL:
    return make_url(normalise_url(url))


def without_password(url: str) -> str:
    """The URL as stored in plain settings (`sync_state`): the password removed."""
    # `URL.set(password=None)` keeps the old password; `_replace` really removes it.
    return parse(url)._replace(password=None).render_as_string(hide_password=False)


def with_password(url: str, password: str | None) -> str:
    parsed = parse(url)
    if password is not None:
        parsed = parsed.set(password=password)
    return parsed.render_as_string(hide_password=False)


def connect_kwargs(url: str) -> dict:
    parsed = parse(url)
    kwargs = {"host": parsed.host or "127.0.0.1", "port": parsed.port or 5432, "dbname": parsed.database,
              "user": parsed.username}
    if parsed.password is not None:
        kwargs["password"] = parsed.password
    return kwargs


# Server-side limits of every sync connection. A counter whose link dies silently inside a
# transaction leaves its backend "idle in transaction" — holding the change-log lock that every
# push takes — until something ends it: the idle timeout ends it within seconds, and the TCP
# settings let the server notice a dead peer instead of waiting for the OS default of two hours.
SERVER_OPTIONS = (
    "-c statement_timeout=15000 -c idle_in_transaction_session_timeout=8000 "
    "-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3 -c tcp_user_timeout=10000"
)
CLIENT_KEEPALIVE = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 3,
                    "tcp_user_timeout": 10000}


def server_options(statement_timeout_ms: int = 15000) -> str:
    return SERVER_OPTIONS.replace("statement_timeout=15000", f"statement_timeout={statement_timeout_ms}")


def connect(url: str, *, autocommit: bool = False, timeout: float = CONNECT_TIMEOUT) -> psycopg.Connection:
    """A new psycopg connection to `url`; raises `psycopg.OperationalError` when unreachable."""
    return psycopg.connect(**connect_kwargs(url), autocommit=autocommit, connect_timeout=max(1, round(timeout)),
                           application_name="counter_app-sync", options=SERVER_OPTIONS, **CLIENT_KEEPALIVE)
