"""GB/T 9704-2012 page geometry and the typesetting primitives: spans, text runs on the character grid.

* A4; text block (版心) 156 × 225 mm, 37 mm from the top and 28 mm from the left edge.
* Body 3号 (16 pt) on a grid of 22 lines × 28 characters: a character cell is 156 mm / 28 ≈ 15.8 pt wide
  (28 × 16 pt would be 158 mm), a line slot 225 mm / 22 ≈ 29.0 pt high. Glyphs keep their 16 pt size
  and are advanced by the cell width (PDF character spacing); half-width characters (digits, Latin)
  take half a cell. Each glyph's em box is centred vertically in its line slot.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from inspector.documents.fonts import MissingGlyphError, ResolvedFont, Role, font_chain
from inspector.documents.linebreak import units_of

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
BLOCK_LEFT, BLOCK_TOP = 28 * MM, 37 * MM  # 订口, 天头
BLOCK_W, BLOCK_H = 156 * MM, 225 * MM
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
LINE_PITCH = BLOCK_H / LINES_PER_PAGE  # ≈ 28.99 pt
CELL = BLOCK_W / CHARS_PER_LINE  # ≈ 15.79 pt: one full-width character
HALF = CELL / 2
GRID_UNITS = 2 * CHARS_PER_LINE  # a line holds 56 half-width units
BODY_SIZE, TITLE_SIZE, PAGE_NUMBER_SIZE, COLOPHON_SIZE = 16.0, 22.0, 14.0, 14.0
PAGE_NUMBER_GAP = 7 * MM  # 一字线 7 mm below the block
EM_DESCENT = 0.12  # an ideograph's em box reaches 0.12 em below the baseline
DASH_HEIGHT = 0.38  # the 一字线 sits about 0.38 em above the baseline
THICK_RULE, THIN_RULE = 0.35 * MM, 0.25 * MM
EPS = 0.01

Align = Literal["left", "center", "right"]


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text in one font role, with the field it came from (named in glyph errors)."""

    text: str
    field: str
    role: Role = Role.FANGSONG


@dataclass(frozen=True, slots=True)
class TextOp:
    font: str
    size: float
    x: float
    y: float  # baseline, measured down from the top of the block it belongs to
    text: str
    char_space: float = 0.0


@dataclass(frozen=True, slots=True)
class RuleOp:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float


Op = TextOp | RuleOp


@dataclass(slots=True)
class Block:
    """Something placed on a page as a whole: a grid line, a table row, the 版记."""

    height: float
    ops: list[Op]
    grid: bool = True  # top snaps to the next line slot
    keep: int = 0  # consecutive blocks with the same non-zero keep id share a page
    drop_at_top: bool = False  # a blank line vanishes at the top of a page
    header: Block | None = None  # a table header repeated at the top of a page
    body_line: bool = False  # a 3号 body line on the grid (counted by tests)
    keep_next: bool = False  # stays on the page of the block after it (headings)
    optional: bool = False  # may be left out to keep a group on the page (a seal line)


@dataclass(slots=True)
class Page:
    placed: list[tuple[Block, float]] = field(default_factory=list)
    numbered: bool = True


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: ``title`` in the header row, ``weight`` its share of the block width."""

    title: str
    weight: float = 1.0
    align: Align = "left"


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    role: Role = Role.FANGSONG
    align: Align | None = None
    colspan: int = 1


def baseline_in_slot(size: float, slot: float = LINE_PITCH) -> float:
    """Baseline offset from the slot top that centres a ``size`` em box in the slot."""
    return slot / 2 + (0.5 - EM_DESCENT) * size


class Glyphs:
    """Per-character font, width and grid units for a sequence of spans."""

    __slots__ = ("fonts", "text", "units")

    def __init__(self, spans: Iterable[Span]) -> None:
        chars: list[str] = []
        fonts: list[ResolvedFont | None] = []
        units: list[int] = []
        for span in spans:
            chain = font_chain(span.role)
            for ch in span.text:
                if ch in "\r\t":
                    ch = " "
                font = chain.font_for(ch)
                if font is None and not ch.isspace():
                    raise MissingGlyphError(ch, span.field, chain.describe())
                chars.append(ch)
                fonts.append(font)
                units.append(units_of(ch))
        self.text = "".join(chars)
        self.fonts = fonts
        self.units = units


def runs(
    g: Glyphs,
    start: int,
    end: int,
    x0: float,
    size: float,
    unit_w: float | None,
    extra: float,
) -> list[TextOp]:
    """Text operators for ``g.text[start:end]`` from ``x0``; baseline y = 0 (caller shifts it).

    On the grid (``unit_w`` set) each character advances ``units × unit_w`` plus ``extra``; off the
    grid it advances its natural width plus ``extra``. Whitespace is skipped, not drawn.
    """
    ops: list[TextOp] = []
    text, fonts, units = g.text, g.fonts, g.units
    x = x0
    i = start
    while i < end:
        font = fonts[i]
        ch = text[i]
        if font is None or ch.isspace():
            x += (units[i] * unit_w if unit_w is not None else size * units[i] / 2) + extra
            i += 1
            continue
        adv = font.advance(ch) * size
        u = units[i]
        step = u * unit_w if unit_w is not None else adv
        j = i + 1
        while (
            j < end
            and fonts[j] is font
            and units[j] == u
            and not text[j].isspace()
            and font.advance(text[j]) * size == adv
        ):
            j += 1
        offset = (step - adv) / 2 if unit_w is not None and adv < 0.75 * step else 0.0
        ops.append(TextOp(font.name, size, x + offset, 0.0, text[i:j], step - adv + extra))
        x += (step + extra) * (j - i)
        i = j
    return ops


def shift(ops: Iterable[TextOp], dy: float) -> list[Op]:
    return [TextOp(o.font, o.size, o.x, o.y + dy, o.text, o.char_space) for o in ops]


def natural_widths(g: Glyphs, size: float) -> list[float]:
    return [
        (f.advance(c) * size if f is not None else size * u / 2)
        for c, f, u in zip(g.text, g.fonts, g.units, strict=True)
    ]


def hard_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines of ``text`` between newlines."""
    out: list[tuple[int, int]] = []
    start = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            out.append((start, i))
            start = i + 1
    out.append((start, len(text)))
    return out
