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
# 9时18分). A segment too wide for its cell makes the whole cell a little smaller rather than split; only
# a long one (free text) is broken inside, into lines of even length.

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
LONG_MIN_SCALE = 0.85  # … and a longer one
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


def cell_lines(text: str, widths: Sequence[float], cap: float) -> tuple[list[tuple[int, int]], float]:
    """Lines of one table cell's text within ``cap`` and the scale its font is set at (1 or less).

    A text at most a tenth too wide is set a little smaller on one line. Otherwise segments
    (:func:`cell_segments`) are filled greedily; a segment wider than the cell shrinks the
    cell's font to fit it when that takes no more than ``MIN_SCALE`` (a short run: a name, a term) or
    ``LONG_MIN_SCALE`` (a longer one); otherwise that segment is broken inside, into even lines."""
    segments = cell_segments(text)
    if not segments:
        return [(0, 0)], 1.0
    total = sum(widths)
    if total * ONE_LINE_SCALE <= cap:  # 毕节市七星关区人民检察院 one size smaller, not on two lines
        return [(0, len(text))], min(1.0, cap / total)
    seg_w = [sum(widths[s:e]) for s, e in segments]
    widest = max(range(len(segments)), key=lambda k: seg_w[k])
    scale = 1.0
    if seg_w[widest] > cap:
        s, e = segments[widest]
        needed = cap / seg_w[widest]
        if needed >= (MIN_SCALE if e - s <= SHORT_RUN else LONG_MIN_SCALE):
            scale = needed
    room = cap / scale
    lines: list[tuple[int, int]] = []
    line_start, used = segments[0][0], 0.0
    for (s, e), w in zip(segments, seg_w, strict=True):
        if w > room + 1e-6:  # too long even shrunk: its own lines, of even length
            if used > 0:
                lines.append((line_start, s))
            greedy = break_positions(text[s:e], widths[s:e], room, room)
            even = min(room, w / len(greedy) + max(widths[s:e]))
            parts = break_positions(text[s:e], widths[s:e], even, even)
            if len(parts) > len(greedy):
                parts = greedy
            parts = [(s + a, s + b) for a, b in parts]
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
