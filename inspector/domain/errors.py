"""User-facing errors. Every message exists in Chinese (for the UI) and English (for logs and tests)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["FieldError", "InspectorError", "ValidationError"]


class InspectorError(Exception):
    """Base of all errors meant to be shown to the user.

    ``message_zh`` is what the UI shows; ``message_en`` goes to logs. ``str(e)`` gives both.
    """

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(message_zh, message_en)
        self.message_zh = message_zh
        self.message_en = message_en

    def __str__(self) -> str:
        return f"{self.message_zh} / {self.message_en}"


@dataclass(frozen=True)
class FieldError:
    """One problem with one field of a record. ``field`` is the attribute name, e.g. ``"id_number"``."""

    field: str
    message_zh: str
    message_en: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message_zh} / {self.message_en}"


class ValidationError(InspectorError):
    """A record failed validation. ``errors`` is never empty.

    ``message_zh`` joins the Chinese messages (which already name the field in Chinese) with "；";
    ``message_en`` and ``str(e)`` are prefixed with ``record_kind`` and name each field, e.g.
    ``"detainee: id_number: 身份证号校验位错误（应为X） / ID number check digit is wrong (expected X)"``.
    """

    def __init__(self, record_kind: str, errors: Iterable[FieldError]) -> None:
        errs = tuple(errors)
        if not errs:
            raise ValueError("ValidationError needs at least one FieldError")
        message_zh = "；".join(e.message_zh for e in errs)
        message_en = f"{record_kind}: " + "; ".join(f"{e.field}: {e.message_en}" for e in errs)
        super().__init__(message_zh, message_en)
        self.record_kind = record_kind
        self.errors: tuple[FieldError, ...] = errs
        # Keep the constructor's arguments so that pickling/copying round-trips.
        self.args = (record_kind, errs)

    def __str__(self) -> str:
        return f"{self.record_kind}: " + "; ".join(str(e) for e in self.errors)

    def for_field(self, field: str) -> tuple[FieldError, ...]:
        """The errors about ``field`` (handy for highlighting form widgets)."""
        return tuple(e for e in self.errors if e.field == field)
