"""18-digit resident identity card numbers (公民身份号码, GB 11643-1999).

Layout: 6-digit region code, 8-digit birth date ``YYYYMMDD``, 3-digit sequence (odd 17th digit = male),
and a check character computed with ISO 7064 MOD 11-2 (``0``-``9`` or ``X``).

The region code is only checked for not starting with ``0``; there is deliberately no region table
(codes change and old cards stay valid).
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import Literal

from inspector.domain.errors import FieldError

__all__ = [
    "ID_NUMBER_LENGTH",
    "MIN_BIRTH_DATE",
    "birth_date_from_id",
    "check_digit",
    "gender_from_id",
    "make_id_number",
    "normalise_id_number",
    "validate_id_number",
]

ID_NUMBER_LENGTH = 18
MIN_BIRTH_DATE = date(1900, 1, 1)

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_DIGITS = frozenset("0123456789")


def _is_ascii_digits(s: str) -> bool:
    return bool(s) and all(c in _DIGITS for c in s)


def check_digit(first17: str) -> str:
    """The check character (``"0"``-``"9"`` or ``"X"``) for the first 17 digits of an ID number."""
    if len(first17) != 17 or not _is_ascii_digits(first17):
        raise ValueError(f"expected 17 ASCII digits, got {first17!r}")
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def normalise_id_number(s: str) -> str:
    """Canonical form: full-width characters folded to ASCII (NFKC), all whitespace removed, ``x`` -> ``X``.

    Does not validate; run :func:`validate_id_number` on the result.
    """
    folded = unicodedata.normalize("NFKC", s)
    return "".join(folded.split()).replace("x", "X")


def _parse_birth(digits8: str) -> date | None:
    try:
        return date(int(digits8[0:4]), int(digits8[4:6]), int(digits8[6:8]))
    except ValueError:
        return None


def validate_id_number(s: str, *, today: date, field: str = "id_number") -> list[FieldError]:
    """All problems with ``s`` as an ID number (empty list = valid). ``s`` is normalised first.

    A wrong length or non-digit characters stop further checks; otherwise the region code, the embedded
    birth date and the check character are each reported.
    """
    if isinstance(today, datetime):
        raise TypeError("today must be a date, not a datetime")
    n = normalise_id_number(s)

    def err(zh: str, en: str) -> FieldError:
        return FieldError(field, zh, en)

    if len(n) != ID_NUMBER_LENGTH:
        return [
            err(
                f"身份证号应为18位（当前为{len(n)}位）",
                f"ID number must be 18 characters long (got {len(n)})",
            )
        ]
    first17, last = n[:17], n[17]
    if not _is_ascii_digits(first17):
        return [err("身份证号前17位应为数字", "the first 17 characters of the ID number must be digits")]
    if last not in _DIGITS and last != "X":
        return [
            err("身份证号最后一位应为数字或X", "the last character of the ID number must be a digit or X")
        ]

    errors: list[FieldError] = []
    if n[0] == "0":
        errors.append(err("身份证号中的地区码无效", "the region code in the ID number is invalid"))

    birth = _parse_birth(n[6:14])
    if birth is None:
        errors.append(err("身份证号中的出生日期无效", "the birth date in the ID number is not a real date"))
    elif birth < MIN_BIRTH_DATE:
        errors.append(
            err("身份证号中的出生日期早于1900年", "the birth date in the ID number is before 1900-01-01")
        )
    elif birth > today:
        errors.append(err("身份证号中的出生日期晚于今天", "the birth date in the ID number is in the future"))

    expected = check_digit(first17)
    if last != expected:
        errors.append(
            err(
                f"身份证号校验位错误（应为{expected}）",
                f"ID number check digit is wrong (expected {expected})",
            )
        )
    return errors


def _structural(s: str) -> str:
    """Normalised ``s`` if it has the 18-character shape (check digit not verified), else ValueError."""
    n = normalise_id_number(s)
    if len(n) != ID_NUMBER_LENGTH or not _is_ascii_digits(n[:17]) or (n[17] not in _DIGITS and n[17] != "X"):
        raise ValueError(f"not an 18-character ID number: {s!r}")
    return n


def birth_date_from_id(s: str) -> date:
    """The birth date embedded in an ID number. ValueError if the shape or the date is invalid.

    The check character is not verified here.
    """
    n = _structural(s)
    birth = _parse_birth(n[6:14])
    if birth is None:
        raise ValueError(f"ID number {s!r} contains an invalid birth date {n[6:14]}")
    return birth


def gender_from_id(s: str) -> Literal["male", "female"]:
    """``"male"`` if the 17th digit is odd, else ``"female"``. ValueError if the shape is invalid."""
    n = _structural(s)
    return "male" if int(n[16]) % 2 == 1 else "female"


def make_id_number(region: str, birth: date, seq: int) -> str:
    """Build a valid ID number (demo data, tests). ``seq`` 0..999 is the 3-digit sequence code;
    its parity sets the gender (odd = male)."""
    if len(region) != 6 or not _is_ascii_digits(region) or region[0] == "0":
        raise ValueError(f"region must be 6 digits not starting with 0, got {region!r}")
    if not 0 <= seq <= 999:
        raise ValueError(f"seq must be in 0..999, got {seq}")
    if birth < MIN_BIRTH_DATE:
        raise ValueError(f"birth date {birth} is before {MIN_BIRTH_DATE}")
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_digit(first17)
