"""GB/T 9704-2012 page geometry and a small typesetter for Chinese official documents.

* A4; text block (版心) 156 × 225 mm, 37 mm from the top and 28 mm from the left edge.
* Body 3号 (16 pt) 仿宋 on a grid of 22 lines × 28 characters: a character cell is 156 mm / 28 ≈ 15.8 pt
  wide (28 × 16 pt would be 158 mm), a line slot 225 mm / 22 ≈ 29.0 pt high. Glyphs keep their 16 pt
  size and are advanced by the cell width (PDF character spacing); half-width characters (digits,
  Latin) take half a cell. Each glyph's em box is centred vertically in its line slot.
* Title 2号 (22 pt) 小标宋, centred; page numbers "— 1 —" in 4号 (14 pt) 宋体, 7 mm below the block,
  odd pages 右空一字, even pages 左空一字.
* Chinese line breaking: a line never starts with closing punctuation (the previous character is
  pulled down with it) and never ends with an opening bracket or quote; "——" and "……" and runs of
  digits/Latin letters are not split. Lines shortened that way are justified to the full width.

A :class:`Document` collects blocks (grid lines, table rows, the 版记) and :meth:`Document.render`
paginates them and draws them with reportlab, character runs by ``drawString``-style text operators.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from inspector.documents.fonts import Role, font_chain
from inspector.documents.linebreak import NO_END, NO_START, break_positions, units_of
from inspector.documents.tables import TableMixin
from inspector.documents.typeset import (
    BLOCK_H,
    BLOCK_LEFT,
    BLOCK_TOP,
    BLOCK_W,
    BODY_SIZE,
    CELL,
    CHARS_PER_LINE,
    COLOPHON_SIZE,
    DASH_HEIGHT,
    EPS,
    GRID_UNITS,
    HALF,
    LINE_PITCH,
    LINES_PER_PAGE,
    MM,
    PAGE_H,
    PAGE_NUMBER_GAP,
    PAGE_NUMBER_SIZE,
    PAGE_W,
    THICK_RULE,
    TITLE_SIZE,
    Align,
    Block,
    Cell,
    Column,
    Glyphs,
    Op,
    Page,
    RuleOp,
    Span,
    TextOp,
    baseline_in_slot,
    natural_widths,
    runs,
    shift,
)

__all__ = [
    "BLOCK_H",
    "BLOCK_LEFT",
    "BLOCK_TOP",
    "BLOCK_W",
    "BODY_SIZE",
    "CELL",
    "CHARS_PER_LINE",
    "LINES_PER_PAGE",
    "LINE_PITCH",
    "MM",
    "NO_END",
    "NO_START",
    "PAGE_H",
    "PAGE_W",
    "Cell",
    "Column",
    "Document",
    "Span",
    "TextOp",
    "break_positions",
    "units_of",
]

# Binary (Flate only) rather than ASCII85-wrapped streams: smaller files, faster writing.
rl_config.useA85 = 0


class Document(TableMixin):
    """A document being composed; :meth:`render` returns the PDF bytes."""

    def __init__(self, title: str, *, subject: str = "", author: str = "", page_numbers: bool = True) -> None:
        self.meta_title = title
        self.subject = subject
        self.author = author
        self.page_numbers = page_numbers
        self.blocks: list[Block] = []
        self.colophon_block: Block | None = None
        # GB/T 9704: the 版记 page is the last, even page (a document printed on both sides)
        self.colophon_on_even_page = True
        self._keep_seq = 0
        # A document not yet signed (no 文号) carries a large grey "草稿" across every page.
        self.draft_mark: str | None = None
        # Printed at the foot of every page's block (a record's signature lines, signed page by page);
        # the text above ends that much higher.
        self.page_footer: Block | None = None
        # The footer stops at the page that holds this block (a record's own closing signatures):
        # that page and those after it have none.
        self.footer_stop: Block | None = None
        # The page label under the block: None for GB/T 9704's "— 1 —" (odd pages right, even left);
        # a format with {page} and {pages} is centred, e.g. "第{page}页　共{pages}页" for a record.
        self.page_label: str | None = None

    @property
    def page_room(self) -> float:
        """Height of a page's block left for the text (the block less the page footer)."""
        return BLOCK_H - (self.page_footer.height if self.page_footer is not None else 0.0)

    def footer_line(self, spans: Sequence[tuple[float, Span]], *, blank_above: int = 1) -> None:
        """The page footer: ``blank_above`` empty lines, then spans each at its indent (in body
        characters) on one grid line, on every page (signature lines of a record)."""
        base = baseline_in_slot(BODY_SIZE)
        ops: list[Op] = []
        for indent, span in spans:
            g = Glyphs([span])
            x = BLOCK_LEFT + round(2 * indent) * HALF
            ops += shift(runs(g, 0, len(g.text), x, BODY_SIZE, HALF, 0.0), base + blank_above * LINE_PITCH)
        self.page_footer = Block(LINE_PITCH * (1 + blank_above), ops)

    # ---- grid text ------------------------------------------------------------------------------

    def blank(self, lines: int = 1, *, keep: int = 0) -> None:
        for _ in range(lines):
            self.blocks.append(Block(LINE_PITCH, [], drop_at_top=keep == 0, keep=keep))

    def new_keep(self) -> int:
        self._keep_seq += 1
        return self._keep_seq

    def title(
        self, text: str, *, field: str = "标题", size: float = TITLE_SIZE, role: Role = Role.TITLE
    ) -> None:
        """A centred title in 2号 小标宋; a long one is set on several balanced lines (梯形)."""
        g = Glyphs([Span(text, field, role)])
        widths = natural_widths(g, size)
        total = sum(widths)
        lines_needed = max(1, math.ceil(total / BLOCK_W - 1e-9))
        cap = min(BLOCK_W, total / lines_needed + size)  # balanced: each line about the same length
        keep = self.new_keep() if lines_needed > 1 else 0
        for s, e in break_positions(g.text, widths, cap, cap):
            width = sum(widths[s:e])
            ops = runs(g, s, e, BLOCK_LEFT + (BLOCK_W - width) / 2, size, None, 0.0)
            self.blocks.append(Block(LINE_PITCH, shift(ops, baseline_in_slot(size)), keep=keep))

    def line(
        self,
        spans: Sequence[Span] | Span,
        *,
        align: Align = "left",
        indent: float = 0,
        right_indent: float = 0,
        keep: int = 0,
        size: float = BODY_SIZE,
        keep_next: bool = False,
    ) -> None:
        """One line (``indent``/``right_indent`` in body characters); too long → wraps. At the body
        size the characters sit on the grid; at other sizes they keep their natural widths."""
        spans = [spans] if isinstance(spans, Span) else list(spans)
        g = Glyphs(spans)
        on_grid = size == BODY_SIZE
        if on_grid:
            widths = [float(u) for u in g.units]
            cap = float(GRID_UNITS - round(2 * (indent + right_indent)))
            unit_w: float | None = HALF
            left = round(2 * indent) * HALF
        else:
            widths = natural_widths(g, size)
            cap = BLOCK_W - CELL * (indent + right_indent)
            unit_w = None
            left = CELL * indent
        for s, e in break_positions(g.text, widths, cap, cap):
            used = sum(widths[s:e])
            if align == "left":
                offset = 0.0
            elif align == "right":
                offset = cap - used
            else:
                offset = (cap - used) // 2 if on_grid else (cap - used) / 2
            x = BLOCK_LEFT + left + (offset * HALF if on_grid else offset)
            ops = runs(g, s, e, x, size, unit_w, 0.0)
            self.blocks.append(
                Block(
                    LINE_PITCH,
                    shift(ops, baseline_in_slot(size)),
                    keep=keep,
                    body_line=on_grid,
                    keep_next=keep_next,
                )
            )

    def paragraph(
        self,
        spans: Sequence[Span] | Span,
        *,
        indent: float = 2,
        hanging: float = 0,
        keep: int = 0,
        justify: bool = True,
        keep_next: bool = False,
    ) -> None:
        """A paragraph on the grid: first line indented ``indent`` characters (default 2),
        continuation lines ``hanging`` characters; lines shortened by line-breaking rules are
        justified (the last line of the paragraph is not)."""
        spans = [spans] if isinstance(spans, Span) else list(spans)
        g = Glyphs(spans)
        if not g.text.strip():
            return
        first_units = round(2 * indent)
        rest_units = round(2 * hanging)
        widths = [float(u) for u in g.units]
        breaks = break_positions(g.text, widths, GRID_UNITS - first_units, GRID_UNITS - rest_units)
        for k, (s, e) in enumerate(breaks):
            lead = first_units if k == 0 else rest_units
            while e > s and g.text[e - 1] == " ":
                e -= 1
            used = sum(g.units[s:e])
            slack = GRID_UNITS - lead - used
            extra = 0.0
            if justify and k < len(breaks) - 1 and 0 < slack <= 6 and e - s > 1:
                extra = slack * HALF / (e - s - 1)
            ops = runs(g, s, e, BLOCK_LEFT + lead * HALF, BODY_SIZE, HALF, extra)
            self.blocks.append(
                Block(
                    LINE_PITCH,
                    shift(ops, baseline_in_slot(BODY_SIZE)),
                    keep=keep,
                    body_line=True,
                    keep_next=keep_next and k == len(breaks) - 1,
                )
            )

    def signature(self, issuer: str, date_text: str, *, field: str = "发文机关署名") -> None:
        """发文机关署名 and 成文日期 for a sealed document (GB/T 9704 7.3.5.1): the date 右空四字, the
        name centred over the date, both in the lower half of the seal, whose top lies within one line
        of the body — so two empty lines are left for the seal above the name. The last two body lines
        are kept on the same page, so that no page carries only the seal."""
        keep = self.new_keep()
        tail = [b for b in self.blocks[-2:] if b.body_line]
        for b in tail:
            b.keep = keep
        self.blank(2, keep=keep)
        self.blocks[-2].optional = True  # one line for the seal may go if the page is short of room
        date_g = Glyphs([Span(date_text, "成文日期")])
        name_g = Glyphs([Span(issuer, field)])
        date_units = sum(date_g.units)
        name_units = sum(name_g.units)
        date_start = GRID_UNITS - 8 - date_units  # 右空四字
        name_start = max(0, date_start + (date_units - name_units) // 2)
        if name_start + name_units > GRID_UNITS - 2:  # a long name: 右空二字
            name_start = max(0, GRID_UNITS - 4 - name_units)
        base = baseline_in_slot(BODY_SIZE)
        for g, start in ((name_g, name_start), (date_g, date_start)):
            ops = runs(g, 0, len(g.text), BLOCK_LEFT + start * HALF, BODY_SIZE, HALF, 0.0)
            self.blocks.append(Block(LINE_PITCH, shift(ops, base), keep=keep, body_line=True))

    def colophon(self, copy_to: Sequence[str], *, field: str = "抄送") -> None:
        """版记: "抄送：…。" in 4号仿宋 between full-width rules (0.35 mm), at the bottom of the last page.
        Continuation lines align with the first name after the colon."""
        names = [c.strip() for c in copy_to if c and c.strip()]
        if not names:
            return
        size = COLOPHON_SIZE
        label = Span("抄送：", field)
        body = Span("，".join(names) + "。", field)
        g = Glyphs([label, body])
        widths = natural_widths(g, size)
        label_w = sum(widths[:3])
        inner = BLOCK_W - 2 * size  # 左右各空一字
        lines = break_positions(g.text[3:], widths[3:], inner - label_w, inner - label_w)
        ops: list[Op] = []
        base = baseline_in_slot(size)
        ops += shift(runs(g, 0, 3, BLOCK_LEFT + size, size, None, 0.0), base)
        for k, (s, e) in enumerate(lines):
            ops += shift(
                runs(g, 3 + s, 3 + e, BLOCK_LEFT + size + label_w, size, None, 0.0), base + k * LINE_PITCH
            )
        height = LINE_PITCH * len(lines)
        right = BLOCK_LEFT + BLOCK_W
        ops.append(RuleOp(BLOCK_LEFT, THICK_RULE / 2, right, THICK_RULE / 2, THICK_RULE))
        ops.append(RuleOp(BLOCK_LEFT, height - THICK_RULE / 2, right, height - THICK_RULE / 2, THICK_RULE))
        self.colophon_block = Block(height, ops)

    # ---- tables ---------------------------------------------------------------------------------

    # ---- pagination and drawing -----------------------------------------------------------------

    def _group(self, i: int) -> list[Block]:
        """Blocks from ``i`` that must share a page: a keep group, and whatever a heading keeps with."""
        blocks = self.blocks
        j = i + 1
        while j < len(blocks) and (
            (blocks[j].keep and blocks[j].keep == blocks[j - 1].keep) or blocks[j - 1].keep_next
        ):
            j += 1
        return blocks[i:j]

    def paginate(self) -> list[Page]:
        pages = [Page()]
        y = 0.0
        room = self.page_room
        blocks = self.blocks
        i = 0
        while i < len(blocks):
            group = self._group(i)
            i += len(group)
            start = _snap(y) if group[0].grid else y
            height = sum(b.height for b in group)
            if start + height > room + EPS:
                slim = [b for b in group if not b.optional]
                if len(slim) < len(group) and start + sum(b.height for b in slim) <= room + EPS:
                    group = slim
                elif pages[-1].placed:
                    pages.append(Page())
                    y = 0.0
                    head = group[0].header
                    if head is not None and group[0] is not head:
                        pages[-1].placed.append((head, 0.0))
                        y = head.height
                    if group[0].drop_at_top and len(group) == 1:
                        continue
                    start = _snap(y) if group[0].grid else y
            for b in group:
                pages[-1].placed.append((b, start))
                start += b.height
            y = start
        if self.colophon_block is not None:
            self._place_colophon(pages, y, self.colophon_block)
        return pages

    def _place_colophon(self, pages: list[Page], y: float, cb: Block) -> None:
        """The 版记 ends on the bottom edge of the last page's block, and that page is an even one
        (GB/T 9704 7.4.1: 封四 when printed on both sides). Blank pages needed before it are not
        numbered, and then neither is the 版记 page (7.5)."""
        target = len(pages) if _snap(y) + LINE_PITCH + cb.height <= BLOCK_H + EPS else len(pages) + 1
        if self.colophon_on_even_page and target % 2:
            target += 1
        blank = target - len(pages) > 1
        while len(pages) < target:
            pages.append(Page(numbered=not blank))
        pages[-1].placed.append((cb, BLOCK_H - cb.height))

    def flatten(self) -> list[tuple[list[TextOp], list[RuleOp]]]:
        """Per page: every text run and rule in PDF page coordinates (origin bottom left, y = baseline),
        page numbers included. :meth:`render` draws exactly these."""
        song = font_chain(Role.SONG).primary
        top = PAGE_H - BLOCK_TOP
        out: list[tuple[list[TextOp], list[RuleOp]]] = []
        pages = self.paginate()
        footer = self.page_footer
        stop = next(
            (n for n, page in enumerate(pages) if any(b is self.footer_stop for b, _ in page.placed)),
            len(pages),
        )
        for number, page in enumerate(pages, start=1):
            texts: list[TextOp] = []
            rules: list[RuleOp] = []
            placed = list(page.placed)
            if footer is not None and number - 1 < stop:
                placed.append((footer, BLOCK_H - footer.height))
            for block, y0 in placed:
                for op in block.ops:
                    if isinstance(op, TextOp):
                        texts.append(
                            TextOp(op.font, op.size, op.x, top - (y0 + op.y), op.text, op.char_space)
                        )
                    else:
                        rules.append(RuleOp(op.x1, top - (y0 + op.y1), op.x2, top - (y0 + op.y2), op.width))
            if self.page_numbers and page.numbered and self.page_label is not None:
                label = self.page_label.format(page=number, pages=len(pages))
                width = sum(song.advance(ch) for ch in label) * PAGE_NUMBER_SIZE
                x = BLOCK_LEFT + (BLOCK_W - width) / 2
                y = top - BLOCK_H - PAGE_NUMBER_GAP - DASH_HEIGHT * PAGE_NUMBER_SIZE
                texts.append(TextOp(song.name, PAGE_NUMBER_SIZE, x, y, label, 0.0))
            elif self.page_numbers and page.numbered:
                label = f"— {number} —"
                width = sum(song.advance(ch) for ch in label) * PAGE_NUMBER_SIZE
                if number % 2:  # 单页码居右空一字, 双页码居左空一字
                    x = BLOCK_LEFT + BLOCK_W - PAGE_NUMBER_SIZE - width
                else:
                    x = BLOCK_LEFT + PAGE_NUMBER_SIZE
                y = top - BLOCK_H - PAGE_NUMBER_GAP - DASH_HEIGHT * PAGE_NUMBER_SIZE
                texts.append(TextOp(song.name, PAGE_NUMBER_SIZE, x, y, label, 0.0))
            out.append((texts, rules))
        return out

    def render(self) -> bytes:
        """The PDF: A4, fonts embedded (TrueType subsets), one text object per page."""
        pages = self.flatten()
        body = font_chain(Role.FANGSONG).primary
        buf = io.BytesIO()
        c = canvas.Canvas(
            buf, pagesize=(PAGE_W, PAGE_H), initialFontName=body.name, initialFontSize=BODY_SIZE
        )
        c.setTitle(self.meta_title)
        c.setSubject(self.subject)
        c.setAuthor(self.author)
        c.setCreator("Inspector 驻所检察")
        for texts, rules in pages:
            if self.draft_mark:  # under the text, so it never hides a character
                self._draw_draft_mark(c)
            text = c.beginText()
            font_key: tuple[str, float] | None = None
            space = 0.0
            for op in texts:
                if font_key != (op.font, op.size):
                    font_key = (op.font, op.size)
                    text.setFont(op.font, op.size)
                if op.char_space != space:
                    space = op.char_space
                    text.setCharSpace(space)
                _text_out(c, text, op)
            c.drawText(text)
            width = -1.0
            for r in rules:
                if r.width != width:
                    width = r.width
                    c.setLineWidth(width)
                c.line(r.x1, r.y1, r.x2, r.y2)
            c.showPage()
        c.save()
        return buf.getvalue()

    def _draw_draft_mark(self, c: canvas.Canvas) -> None:
        """The draft mark: light grey 黑体, turned 30°, in the middle of the text block, drawn first."""
        assert self.draft_mark is not None
        font = font_chain(Role.HEI).primary.name
        size = 72.0
        c.saveState()
        c.setFillGray(0.88)
        c.translate(BLOCK_LEFT + BLOCK_W / 2, PAGE_H - BLOCK_TOP - BLOCK_H / 2)
        c.rotate(30)
        c.setFont(font, size)
        c.drawCentredString(0, -size / 3, self.draft_mark)
        c.restoreState()


def _text_out(c: canvas.Canvas, text: Any, op: TextOp) -> None:
    """Draw ``op``; a run whose glyphs fall into several of reportlab's 256-glyph font subsets is
    positioned afresh at each subset, so every text-showing operator starts at its exact grid position
    (readers such as pdfminer drop the character spacing after the last glyph of each string)."""
    font = pdfmetrics.getFont(op.font)
    parts = font.splitString(op.text, c._doc) if getattr(font, "_dynamicFont", False) else ()
    if len(parts) <= 1:
        text.setTextOrigin(op.x, op.y)
        text.textOut(op.text)
        return
    i = 0
    for _subset, chunk in parts:
        n = len(chunk)
        piece = op.text[i : i + n]
        x = op.x + pdfmetrics.stringWidth(op.text[:i], op.font, op.size) + i * op.char_space
        text.setTextOrigin(x, op.y)
        text.textOut(piece)
        i += n


def _snap(y: float) -> float:
    return math.ceil(y / LINE_PITCH - 1e-6) * LINE_PITCH
