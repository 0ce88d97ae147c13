"""Personal names in pinyin order: the ``PINYIN`` collation every local connection has.

SQLite compares text by code point, which puts 张 (U+5F20) before 李 (U+674E) before 王 (U+738B); a
Chinese register is read in pinyin order: 李 li < 王 wang < 张 zhang. :func:`register` adds the
collation ``PINYIN`` to a connection (``inspector.store.engine.connect_raw`` does it for every one), so
a query sorts names with ``ORDER BY name COLLATE PINYIN`` (SQLAlchemy: ``collate(column, PINYIN)``).

The order (:func:`name_sort_key`) is the one of a Chinese dictionary, character by character, like
CLDR's pinyin collation: by pinyin (letters, then tone 1-4, neutral last), then by the character itself,
so that everyone named 李 comes before everyone named 里 (same reading). Characters that are not Han
(digits, Latin letters, the ``·`` of transcribed names) sort by themselves, case-insensitively, digits
before letters, in among the readings (``a`` next to 阿). Each character takes its usual reading
(``pypinyin``, one character at a time: a given name is not a phrase, and reading it as one is 40 times
slower and no more often right — 陈行长 is not a bank's president); the first character, where it is a
surname with a reading of its own (单 shàn, 曾 zēng, 解 xiè, 仇 qiú …, and 尉迟 yù chí, 万俟 mò qí), is
read as the surname.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import ColumnElement, SQLColumnExpression, String, func

PINYIN = "PINYIN"
"""The collation's name in SQL (``COLLATE PINYIN``)."""

PINYIN_KEY = "pinyin_key"
"""The same order as a value: ``ORDER BY pinyin_key(name)`` sorts like ``ORDER BY name COLLATE PINYIN``.

Sorting by the key calls Python once per row; the collation calls it once per comparison (about 17
times per row on 100,000): on the 100,000-detainee demo register the key sorts in 1.0 s the first time
and 0.5 s after (as fast as SQLite's own order), the collation in 2.9 s and 1.5 s. Lists sort by the
key (:func:`pinyin_order`).
"""

CACHE_SIZE = 1 << 17
"""Sort keys kept (about 30 MB when full): a sort of the whole register compares each name ~17 times."""

# Surnames whose reading as a surname is not the character's usual one (which pypinyin gives).
# Surnames read two ways by different families (乐 lè / yuè, 覃 qín / tán, 谌 chén / shèn) are left as
# pypinyin reads them.
_SURNAMES: dict[str, str] = {
    "单": "shan4",
    "曾": "zeng1",
    "解": "xie4",
    "仇": "qiu2",
    "区": "ou1",
    "查": "zha1",
    "朴": "piao2",
    "盖": "ge3",
    "缪": "miao4",
    "翟": "zhai2",
    "华": "hua4",
    "任": "ren2",
    "燕": "yan1",
    "纪": "ji3",
    "种": "chong2",
    "召": "shao4",
    "宁": "ning4",
    "句": "gou1",
    "折": "she2",
    "隗": "wei3",
    "阚": "kan4",
    "都": "du1",
    "薄": "bo2",
    "卜": "bu3",
    "员": "yun4",
    "繁": "po2",
    "洗": "xian3",
    "占": "zhan1",
    "祭": "zhai4",
    "秘": "bi4",
}
# Two-character surnames whose first character would otherwise take a reading above.
_COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {
    "单于": ("chan2", "yu2"),
    "尉迟": ("yu4", "chi2"),
    "万俟": ("mo4", "qi2"),
    "长孙": ("zhang3", "sun1"),
}

_SEPARATOR = "\x01"  # below every letter and digit: a shorter reading sorts first (li < lian)


@functools.cache
def _reading(ch: str) -> str:
    """The usual reading of one character as ``"zhang1"`` (neutral tone 5, after the four tones), or
    the character itself when it is not Han. pypinyin is imported on first use (~0.15 s)."""
    from pypinyin import Style, lazy_pinyin

    items = lazy_pinyin(ch, style=Style.TONE3, neutral_tone_with_five=True)
    return items[0] if len(items) == 1 else ch


def _readings(name: str) -> list[str]:
    """One item per character of ``name``: its reading, or for a non-Han character the character."""
    items = [_reading(ch) for ch in name]
    compound = _COMPOUND_SURNAMES.get(name[:2])
    if compound is not None:
        items[:2] = compound
    elif name[:1] in _SURNAMES:
        items[0] = _SURNAMES[name[0]]
    return items


@functools.lru_cache(maxsize=CACHE_SIZE)
def name_sort_key(name: str) -> str:
    """A string whose code-point order is the pinyin order of ``name`` (see the module's docstring).

    Per character: the reading's letters, a separator, the tone digit (0 for a non-Han character), the
    character itself. Every part is there for every character, so two keys are equal only for equal
    names, and the order is total (SQLite requires a consistent collation).
    """
    parts: list[str] = []
    for ch, item in zip(name, _readings(name), strict=True):
        if item != ch and item[-1:].isdigit() and item[:-1].isascii() and item[:-1].isalpha():
            parts.append(f"{item[:-1]}{_SEPARATOR}{item[-1]}{ch}")
        else:
            parts.append(f"{ch.casefold()}{_SEPARATOR}0{ch}")
    return "".join(parts)


def compare_names(a: str, b: str) -> int:
    """The ``PINYIN`` collation: negative, zero or positive as ``a`` sorts before, with or after ``b``."""
    if a == b:
        return 0
    ka, kb = name_sort_key(a), name_sort_key(b)
    if ka == kb:  # cannot happen for text that names a person; stay consistent regardless
        return -1 if a < b else 1
    return -1 if ka < kb else 1


def _sql_key(value: object) -> str | None:
    return None if value is None else name_sort_key(str(value))


def register(conn: Any) -> None:
    """Add the ``PINYIN`` collation and the ``pinyin_key()`` function to a DB-API connection
    (``sqlite3`` / ``sqlcipher3``)."""
    conn.create_collation(PINYIN, compare_names)
    conn.create_function(PINYIN_KEY, 1, _sql_key, deterministic=True)


def pinyin_order(expr: SQLColumnExpression[Any]) -> ColumnElement[str]:
    """``expr`` (text) as a value that sorts in pinyin order: ``ORDER BY pinyin_key(expr)``.

    Only on the local SQLite store, whose connections :func:`register` has prepared.
    """
    return func.pinyin_key(expr, type_=String())
