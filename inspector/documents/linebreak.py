"""Chinese line breaking (GB/T 15834 placement of punctuation) on any measure.

A line never starts with sentence punctuation, a closing bracket or quote, or a connection mark: the
previous character is pulled down with it. A line never ends with an opening bracket or quote. "——",
"……" and runs of digits/Latin letters are not split where that can be avoided.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["NO_END", "NO_SPLIT_PAIRS", "NO_START", "break_positions", "units_of"]

# GB/T 15834: marks that may not start a line (sentence punctuation, closing brackets and quotes,
# connection and separation marks) … ("——" and "……" may start one; they are only never split).
NO_START = frozenset(
    "，。、；：？！）》」』”’】〕〉〗｝．，,.;:?!)]}%％‰·・～〜–-ー々〻ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)
# … and marks that may not end one (opening brackets and quotes).
NO_END = frozenset("（《「『“‘【〔〈〖｛([{")
NO_SPLIT_PAIRS = frozenset("—…")  # ——, …… stay together


def units_of(ch: str) -> int:
    """Grid width of ``ch`` in half-cells: 2 for wide (CJK, full-width, “” — …), 1 for narrow."""
    if ord(ch) < 0x80:
        return 1
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 1


def _glued(a: str, b: str) -> bool:
    """True if no line break may fall between ``a`` and ``b``."""
    if a in NO_SPLIT_PAIRS and a == b:
        return True
    return a.isascii() and b.isascii() and (a.isalnum() or a in ".,%-/:") and b.isalnum() and a != " "


def break_positions(
    text: str, widths: Sequence[float], first: float, rest: float, *, eps: float = 1e-6
) -> list[tuple[int, int]]:
    """Split ``text`` into lines of at most ``first`` (then ``rest``) width, Chinese rules applied.

    Returns ``(start, end)`` index pairs. A line that would start with closing punctuation pulls the
    previous character down with it; a line never ends with an opening bracket; digit/Latin runs,
    "——" and "……" are kept whole where possible. Leading ASCII spaces of continuation lines are dropped.
    """
    n = len(text)
    lines: list[tuple[int, int]] = []
    start = 0
    cap = first
    while start < n:
        used = 0.0
        end = start
        while end < n and used + widths[end] <= cap + eps:
            used += widths[end]
            end += 1
        if end == start:
            end = start + 1  # one character wider than the line: put it there anyway
        if end < n:
            end = _adjust_break(text, start, end)
        lines.append((start, end))
        start = end
        while start < n and text[start] == " ":
            start += 1
        cap = rest
    return lines


def _adjust_break(text: str, start: int, end: int) -> int:
    b = end
    for _ in range(end - start):
        if b <= start + 1:
            return end  # nothing better: keep the greedy break
        if text[b] in NO_START or text[b - 1] in NO_END or _glued(text[b - 1], text[b]):
            b -= 1
            continue
        return b
    return end
