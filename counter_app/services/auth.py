"""Staff accounts: argon2 password hashes, roles, login with lock-out, forced password change.

Guarantees: plain passwords are never stored or logged; a login fails the same way for an unknown
user and a wrong password; five wrong passwords in a row lock the account for five minutes;
an account flagged `must_change_password` (demo, new or reset) can do nothing but change it.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from counter_app.models import Department, User, now_local
from counter_app.services import validation
from counter_app.services.db import PUBLISH, Database
from counter_app.services.errors import (
    QT_TRANSLATE_NOOP,
    FieldError,
    Message,
    NotFound,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
from counter_app.services.text import clean

MAX_FAILURES = 5
LOCK_TIME = timedelta(minutes=5)
MIN_PASSWORD = 8
_hasher = PasswordHasher()


class Role(StrEnum):
    RECEPTION = "reception"
    DEPARTMENT = "department"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


@dataclass(frozen=True)
class UserInfo:
    id: str
    username: str
    full_name: str
    role: Role
    phone: str
    must_change_password: bool
    department_id: str | None = None  # a department officer's own department (others: None)
    active: bool = True


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.username, user.full_name, Role(user.role), user.phone, user.must_change_password,
                    user.department_id, user.active)


def password_problems(password: str, username: str) -> list[FieldError]:
    field = "password.new"
    if len(password) < MIN_PASSWORD:
        text = QT_TRANSLATE_NOOP("Messages", "The password must have at least {n} characters.")
        return [FieldError(field, Message(text, {"n": MIN_PASSWORD}))]
    if password.casefold() == username.casefold():
        return [FieldError(field, Message(QT_TRANSLATE_NOOP("Messages", "The password must not be the user name.")))]
    if not (any(c.isalpha() for c in password) and any(c.isdigit() for c in password)):
        text = QT_TRANSLATE_NOOP("Messages", "The password must contain both letters and digits.")
        return [FieldError(field, Message(text))]
    return []


class AuthService:
    """Accounts and login. Thread-safe: each call opens its own transaction."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = now_local):
        self.db = db
        self.clock = clock

    def login(self, username: str, password: str) -> UserInfo:
        bad = ServiceError(Message(QT_TRANSLATE_NOOP("Messages", "Wrong user name or password.")))
        with self.db.transaction() as session:
            user = session.scalar(select(User).where(User.username == clean(username).lower()))
            if user is None or not user.active:
                _hasher.hash(password)  # same cost as a real check: do not reveal which names exist
                raise bad
            now = self.clock()
            if user.locked_until and user.locked_until > now:
                text = QT_TRANSLATE_NOOP("Messages", "Too many wrong passwords. Try again after {time}.")
                raise ServiceError(Message(text, {"time": user.locked_until.strftime("%H:%M")}))
            try:
                _hasher.verify(user.password_hash, password)
            except (VerificationError, InvalidHashError):
                # Counted and committed (the failure must stick), then refused below.
                user.failed_logins += 1
                if user.failed_logins >= MAX_FAILURES:
                    user.locked_until, user.failed_logins = now + LOCK_TIME, 0
                user = None
            else:
                user.failed_logins, user.locked_until = 0, None
                if _hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = _hasher.hash(password)
                info = _info(user)
        if user is None:
            raise bad
        return info

    def change_password(self, username: str, old: str, new: str) -> UserInfo:
        with self.db.transaction() as session:
            user = session.scalar(select(User).where(User.username == username))
            if user is None:
                raise NotFound(Message(QT_TRANSLATE_NOOP("Messages", "No such user: {name}"), {"name": username}))
            try:
                _hasher.verify(user.password_hash, old)
            except (VerificationError, InvalidHashError):
                text = QT_TRANSLATE_NOOP("Messages", "The current password is wrong.")
                raise ValidationFailed([FieldError("password.old", Message(text))]) from None
            problems = password_problems(new, username)
            if not problems and new == old:
                text = QT_TRANSLATE_NOOP("Messages", "The new password must differ from the current one.")
                problems = [FieldError("password.new", Message(text))]
            if problems:
                raise ValidationFailed(problems)
            session.info[PUBLISH] = {"app_user"}  # every counter must learn the new password
            user.password_hash = _hasher.hash(new)
            user.must_change_password = False
            return _info(user)

    def add_user(
        self,
        username: str,
        full_name: str,
        role: str,
        password: str | None = None,
        phone: str = "",
        *,
        must_change: bool = True,
        department: str = "",
    ) -> tuple[UserInfo, str]:
        """Create an account; returns it with the initial password (generated when not given).
        A department officer names their department by code (`department`); they act on its dossiers only."""
        errors: list[FieldError] = []
        username = clean(username).lower()
        if not username or not all(c.isascii() and (c.isalnum() or c in "._-") for c in username) or len(username) > 60:
            text = QT_TRANSLATE_NOOP("Messages", "A user name has 1 to 60 letters, digits, dots, dashes or underscores (no accents).")
            errors.append(FieldError("user.username", Message(text)))
        full_name, error = validation.check_name(full_name, "user.full_name")
        if error:
            errors.append(error)
        if role not in {r.value for r in Role}:
            text = QT_TRANSLATE_NOOP("Messages", "Unknown role {role}; use reception, department, supervisor or admin.")
            errors.append(FieldError("user.role", Message(text, {"role": role})))
        if phone:
            errors += validation.phone_problems(phone, "user.phone")
            phone = validation.normalise_phone(phone)
        password = password or generate_password()
        errors += password_problems(password, username)
        with self.db.transaction() as session:
            department_id = None
            if department:
                department_id = session.scalar(select(Department.id).where(Department.code == clean(department).upper()))
                if department_id is None:
                    text = QT_TRANSLATE_NOOP("Messages", "No department with code {code}.")
                    errors.append(FieldError("user.department", Message(text, {"code": department})))
            elif role == Role.DEPARTMENT:
                text = QT_TRANSLATE_NOOP("Messages", "A department officer needs a department.")
                errors.append(FieldError("user.department", Message(text)))
            if not errors and session.scalar(select(User.id).where(User.username == username)):
                text = QT_TRANSLATE_NOOP("Messages", "The user name {name} is taken.")
                errors.append(FieldError("user.username", Message(text, {"name": username})))
            if errors:
                raise ValidationFailed(errors)
            user = User(
                username=username,
                full_name=full_name,
                role=role,
                password_hash=_hasher.hash(password),
                must_change_password=must_change,
                phone=phone,
                department_id=department_id,
            )
            session.add(user)
            session.flush()
            return _info(user), password

    def list_users(self) -> list[UserInfo]:
        with self.db.reader() as session:
            return [_info(u) for u in session.scalars(select(User).order_by(User.username))]

    def get(self, username: str) -> UserInfo:
        with self.db.reader() as session:
            user = session.scalar(select(User).where(User.username == username))
            if user is None:
                raise NotFound(Message(QT_TRANSLATE_NOOP("Messages", "No such user: {name}"), {"name": username}))
            return _info(user)


def require_role(user: UserInfo, *roles: Role) -> None:
    """Permission checks live here, in the service layer, not in which buttons are shown.
    (A pending password change is enforced at login, before any service is reachable.)"""
    if user.role not in roles and user.role is not Role.ADMIN:
        text = QT_TRANSLATE_NOOP("Messages", "Your role ({role}) may not do this.")
        raise PermissionDenied(Message(text, {"role": user.role.value}))


def generate_password() -> str:
    """A random password that passes the policy (letters and digits, 12 characters)."""
    alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"
    digits = "23456789"
    core = "".join(secrets.choice(alphabet + digits) for _ in range(10))
    return core + secrets.choice(alphabet) + secrets.choice(digits)
