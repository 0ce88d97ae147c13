"""User-facing errors. Every message exists in Chinese and English: the desktop app shows the one of its
language (Chinese by default), logs and tests use the English one.

Each error also carries a stable ``code`` and its ``params`` (the values its message names), so that a
user interface can word it in its own language and look errors up without parsing their text. The
code defaults to the class's :attr:`InspectorError.code` (``FieldError``: ``"invalid"``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field

__all__ = ["FieldError", "InspectorError", "ValidationError"]


class InspectorError(Exception):
    """Base of all errors meant to be shown to the user.

    ``message_zh`` is what the Chinese UI shows, ``message_en`` the English UI and the logs; ``str(e)``
    gives both. ``code`` names the kind of problem (the class's ``code`` unless given), ``params`` the
    values in the message.
    """

    code: str = "error"

    def __init__(
        self,
        message_zh: str,
        message_en: str,
        *,
        code: str | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message_zh, message_en)
        self.message_zh = message_zh
        self.message_en = message_en
        if code is not None:
            self.code = code
        self.params: Mapping[str, object] = dict(params or {})

    def __str__(self) -> str:
        return f"{self.message_zh} / {self.message_en}"


@dataclass(frozen=True)
class FieldError:
    """One problem with one field of a record. ``field`` is the attribute name, e.g. ``"id_number"``;
    ``code`` the kind of problem (``"required"``, ``"too_long"`` …, ``"invalid"`` when not named) and
    ``params`` what its message names (``label`` — the field's Chinese label —, ``max`` …)."""

    field: str
    message_zh: str
    message_en: str
    # Not part of equality: two errors saying the same about the same field are one.
    code: str = dataclass_field(default="invalid", compare=False)
    params: Mapping[str, object] = dataclass_field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        return f"{self.field}: {self.message_zh} / {self.message_en}"


class ValidationError(InspectorError):
    """A record failed validation (code ``validation``). ``errors`` is never empty.

    ``message_zh`` joins the Chinese messages (which already name the field in Chinese) with "；";
    ``message_en`` and ``str(e)`` are prefixed with ``record_kind`` and name each field, e.g.
    ``"detainee: id_number: 身份证号校验位错误（应为X） / ID number check digit is wrong (expected X)"``.
    """

    code = "validation"

    def __init__(self, record_kind: str, errors: Iterable[FieldError]) -> None:
        errs = tuple(errors)
        if not errs:
            raise ValueError("ValidationError needs at least one FieldError")
        message_zh = "；".join(e.message_zh for e in errs)
        message_en = f"{record_kind}: " + "; ".join(f"{e.field}: {e.message_en}" for e in errs)
        super().__init__(
            message_zh, message_en, params={"record_kind": record_kind, "fields": [e.field for e in errs]}
        )
        self.record_kind = record_kind
        self.errors: tuple[FieldError, ...] = errs
        # Keep the constructor's arguments so that pickling/copying round-trips.
        self.args = (record_kind, errs)

    def __str__(self) -> str:
        return f"{self.record_kind}: " + "; ".join(str(e) for e in self.errors)

    def for_field(self, field: str) -> tuple[FieldError, ...]:
        """The errors about ``field`` (handy for highlighting form widgets)."""
        return tuple(e for e in self.errors if e.field == field)
