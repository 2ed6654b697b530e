"""Accounts: argon2 hashes, forced change of demo passwords, lock-out, roles."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from counter_app.models import User
from counter_app.services.auth import MAX_FAILURES, Role, generate_password
from counter_app.services.errors import ServiceError, ValidationFailed


def test_passwords_are_stored_as_argon2_hashes(ctx, passwords):
    """No plain password is stored: every hash is argon2id."""
    with ctx.db.reader() as session:
        hashes = session.scalars(select(User.password_hash)).all()
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)
    assert not any(p in h for h in hashes for p in passwords.values())


def test_new_account_must_change_its_password(ctx):
    """An added account logs in flagged must-change; changing clears the flag and the old password stops working."""
    user, initial = ctx.auth.add_user("tiepnhan9", "Đỗ Thị Mai", "reception")
    assert user.must_change_password
    assert ctx.auth.login("tiepnhan9", initial).must_change_password
    ctx.auth.change_password("tiepnhan9", initial, "NewPass2026")
    assert not ctx.auth.login("tiepnhan9", "NewPass2026").must_change_password
    with pytest.raises(ServiceError):
        ctx.auth.login("tiepnhan9", initial)


@pytest.mark.parametrize(
    ("new", "field"),
    [("short1", "password.new"), ("onlyletters", "password.new"), ("tiepnhan9", "password.new")],
)
def test_weak_new_passwords_are_refused(ctx, new, field):
    """Too short, no digits, or equal to the user name: refused with a message on the new-password field."""
    _, initial = ctx.auth.add_user("tiepnhan9", "Đỗ Thị Mai", "reception")
    with pytest.raises(ValidationFailed) as caught:
        ctx.auth.change_password("tiepnhan9", initial, new)
    assert field in caught.value.by_field()


def test_wrong_current_password_is_refused(ctx):
    """Changing a password needs the current one."""
    ctx.auth.add_user("tiepnhan9", "Đỗ Thị Mai", "reception", password="First2026x")
    with pytest.raises(ValidationFailed) as caught:
        ctx.auth.change_password("tiepnhan9", "wrong", "Second2026x")
    assert "password.old" in caught.value.by_field()


def test_unknown_user_and_wrong_password_look_the_same(ctx):
    """The message does not reveal whether a user name exists."""
    with pytest.raises(ServiceError) as unknown:
        ctx.auth.login("nobody", "whatever1")
    with pytest.raises(ServiceError) as wrong:
        ctx.auth.login("tiepnhan1", "whatever1")
    assert unknown.value.message == wrong.value.message


def test_account_locks_after_repeated_failures(ctx, passwords, clock):
    """Five wrong passwords lock the account for five minutes, even against the right password."""
    for _ in range(MAX_FAILURES):
        with pytest.raises(ServiceError):
            ctx.auth.login("tiepnhan1", "bad-password-1")
    with pytest.raises(ServiceError) as locked:
        ctx.auth.login("tiepnhan1", passwords["tiepnhan1"])
    assert "Too many" in locked.value.message.text
    clock.now += timedelta(minutes=6)
    assert ctx.auth.login("tiepnhan1", passwords["tiepnhan1"]).username == "tiepnhan1"


def test_add_user_validates_every_field(ctx):
    """Bad user name, empty full name and unknown role are all reported; duplicate names refused."""
    with pytest.raises(ValidationFailed) as caught:
        ctx.auth.add_user("Nguyễn An", "", "boss")
    assert {"user.username", "user.full_name", "user.role"} <= set(caught.value.by_field())
    with pytest.raises(ValidationFailed):
        ctx.auth.add_user("tiepnhan1", "Trùng Tên", "reception")


def test_demo_roles_cover_every_role(ctx):
    """The demo centre has reception, department, supervisor and admin accounts."""
    assert {u.role for u in ctx.auth.list_users()} == set(Role)


def test_generated_passwords_pass_the_policy():
    """Generated one-time passwords have letters and digits and 12 characters."""
    for _ in range(50):
        p = generate_password()
        assert len(p) == 12 and any(c.isdigit() for c in p) and any(c.isalpha() for c in p)
