"""Errors that services raise, carrying translatable messages.

Services have no Qt, so messages are English *source* strings marked with `QT_TRANSLATE_NOOP`
(a no-op here that `pyside6-lupdate` still extracts); the UI and the CLI translate them with
`counter_app.i18n.translate_message()` and then fill in the `{placeholders}` from `args`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

MESSAGE_CONTEXT = "Messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `text` for extraction into the translation file; returns it unchanged."""
    return text




@dataclass(frozen=True)
class Message:
    """A translatable message: `text` is the English source string, `args` fill its placeholders.
    An argument that is itself a `Message` (a status name, say) is translated with it, so the
    whole sentence comes out in one language."""

    text: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def english(self) -> str:
        return self.text.format(**{k: v.english() if isinstance(v, Message) else v for k, v in self.args.items()})


@dataclass(frozen=True)
class FieldError:
    """A problem with one input field; `field` is the dotted name used by forms and the CLI JSON."""

    field: str
    message: Message


class ServiceError(Exception):
    """A refusal with a reason the user can read (translated by the caller)."""

    def __init__(self, message: Message):
        super().__init__(message.english())
        self.message = message


class NotFound(ServiceError):
    """The thing asked for does not exist."""


class PermissionDenied(ServiceError):
    """The acting user's role does not allow this action."""


class ValidationFailed(ServiceError):
    """One or more fields are invalid; nothing was saved."""

    def __init__(self, errors: list[FieldError] | tuple[FieldError, ...]):
        self.errors = tuple(errors)
        summary = "; ".join(f"{e.field}: {e.message.english()}" for e in self.errors)
        super().__init__(Message(QT_TRANSLATE_NOOP("Messages", "Invalid input: {summary}"), {"summary": summary}))

    def by_field(self) -> dict[str, Message]:
        """First message per field, in input order."""
        result: dict[str, Message] = {}
        for error in self.errors:
            result.setdefault(error.field, error.message)
        return result
