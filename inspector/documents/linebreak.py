"""Chinese line breaking (GB/T 15834 placement of punctuation) on any measure.

A line never starts with sentence punctuation, a closing bracket or quote, or a connection mark: the
previous character is pulled down with it. A line never ends with an opening bracket or quote. "——",
"……" and runs of digits/Latin letters are not split where that can be avoided.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = [
    "NO_END",
    "NO_SPLIT_PAIRS",
    "NO_START",
    "break_positions",
    "cell_lines",
    "cell_segments",
    "units_of",
]

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


# ---- table cells ------------------------------------------------------------------------------------
#
# A narrow cell must not break inside a name, a time or a word (看守/所, 15时17/分, 王/宁鹏). Cells are cut
# into segments that are never split: a break falls only after punctuation, before an opening bracket,
# at a space, before a number, or after a character that ends a unit's or place's name (毕节市/公安局/
# 交通警察支队/七星关大队); a number stays with its unit and a date or time stays whole (2026年10月13日/
# 9时18分). A short segment too wide for its cell makes the whole cell a little smaller rather than
# split; a long run of free text breaks like a paragraph.

# Names of units and places a line may break after (毕节市/公安局/交通警察支队/七星关大队/看守所): whole
# words, so that 所 in 所外 or 处 in 处理 is never taken for an end.
UNIT_WORDS = (
    "看守所", "拘留所", "戒毒所", "派出所", "检察院", "法院", "公安局", "分局", "司法局", "监狱",
    "支队", "大队", "中队", "检察室", "监区", "监室", "委员会", "政府", "办公室",
)  # fmt: skip
PLACE_ENDS = frozenset("省市县区州旗")  # 贵州省/毕节市/七星关区 …
NOT_AFTER_PLACE = frozenset("场域长委级内外民属")  # … but not 市场, 区域, 县长, 市委, 市民, 区属
SHORT_RUN = 6  # a run of up to this many characters (a name, a short term) is never broken inside
MIN_SCALE = 0.7  # how far a cell's text may shrink to keep such a run whole
ONE_LINE_SCALE = 0.9  # a text a little too wide for its cell shrinks onto one line rather than break


def _is_digit(ch: str) -> bool:
    return ch.isascii() and ch.isdigit()


def _breakable(text: str, i: int) -> bool:
    """Whether a cell's line may break before ``text[i]``."""
    a, b = text[i - 1], text[i]
    if b in NO_START or a in NO_END or _glued(a, b):
        return False
    if a == " " or b == " ":
        return True
    if a in "，。、；：？！）》」』”’】〕〉〗｝,;":
        return True
    if b in NO_END:
        return True
    if _is_digit(a):  # 15时, 3件, 103监室: a number keeps what follows it
        return False
    if _is_digit(b):  # before a number, unless it continues a date or time: 2026年10月13日, 9时18分
        return not (a in "年月时" and i >= 2 and _is_digit(text[i - 2]))
    if b.isascii():
        return False
    if a in PLACE_ENDS and b not in NOT_AFTER_PLACE and b not in PLACE_ENDS and i >= 2:
        return True
    return any(text.endswith(w, 0, i) for w in UNIT_WORDS)


def cell_segments(text: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces of a cell's text that a line break never splits."""
    out: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(text)):
        if _breakable(text, i):
            out.append((start, i))
            start = i
    if text:
        out.append((start, len(text)))
    return out


def _prose_breakable(text: str, i: int) -> bool:
    """Whether free text may break before ``text[i]``: between any two characters of a paragraph, but
    not against punctuation, inside a number with its unit, or inside a date or time."""
    a, b = text[i - 1], text[i]
    if b in NO_START or a in NO_END or _glued(a, b):
        return False
    if _is_digit(a):
        return False
    if _is_digit(b):
        return not (a in "年月时" and i >= 2 and _is_digit(text[i - 2]))
    return True


def _letters(text: str) -> int:
    """Characters other than punctuation and spaces: how long a run reads."""
    return sum(1 for ch in text if ch.isalnum())


def _atoms(text: str, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces a cell's lines are filled with: each segment of up to ``SHORT_RUN`` letters whole (a
    name, a unit's name, a term, a number with its unit); a longer run of free text in the pieces a
    paragraph may break between."""
    out: list[tuple[int, int]] = []
    for s, e in segments:
        if _letters(text[s:e]) <= SHORT_RUN or text[s:e].isascii():
            out.append((s, e))
            continue
        start = s
        for i in range(s + 1, e):
            if _prose_breakable(text, i):
                out.append((start, i))
                start = i
        out.append((start, e))
    return out


def cell_lines(text: str, widths: Sequence[float], cap: float) -> tuple[list[tuple[int, int]], float]:
    """Lines of one table cell's text within ``cap`` and the scale its font is set at (1 or less).

    A text at most a tenth too wide is set a little smaller on one line. Otherwise the cell is filled
    with pieces (:func:`_atoms`): names, units' names, terms, numbers with their units and dates stay
    whole — one wider than the cell makes the whole cell smaller, down to ``MIN_SCALE`` — while longer
    runs of free text break like a paragraph; a cell that is one such run breaks into lines of even
    length."""
    segments = cell_segments(text)
    if not segments:
        return [(0, 0)], 1.0
    total = sum(widths)
    if total * ONE_LINE_SCALE <= cap:  # 毕节市七星关区人民检察院 one size smaller, not on two lines
        return [(0, len(text))], min(1.0, cap / total)
    atoms = _atoms(text, segments)
    atom_w = [sum(widths[s:e]) for s, e in atoms]
    scale = min([1.0, *(max(MIN_SCALE, cap / w) for w in atom_w if w > cap)])
    room = cap / scale
    if len(segments) == 1 and len(atoms) > 1:  # one run of free text: lines of even length
        greedy = break_positions(text, widths, room, room)
        even = min(room, total / len(greedy) + max(widths))
        parts = break_positions(text, widths, even, even)
        return (parts if len(parts) <= len(greedy) else greedy), scale
    lines: list[tuple[int, int]] = []
    line_start, used = atoms[0][0], 0.0
    for (s, e), w in zip(atoms, atom_w, strict=True):
        if w > room + 1e-6:  # wider than the cell even smaller: broken where it must be
            if used > 0:
                lines.append((line_start, s))
            parts = [(s + a, s + b) for a, b in break_positions(text[s:e], widths[s:e], room, room)]
            lines += parts[:-1]
            line_start, used = parts[-1][0], sum(widths[parts[-1][0] : parts[-1][1]])
            continue
        if used > 0 and used + w > room + 1e-6:
            lines.append((line_start, s))
            line_start, used = s, 0.0
            if text[s] == " ":  # a line never starts with the space it broke at
                line_start, w = s + 1, w - widths[s]
        used += w
    lines.append((line_start, len(text)))
    return lines, scale
