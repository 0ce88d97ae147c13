"""Ruled tables (forms and registers) inside the text block, for :class:`layout.Document`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from inspector.documents.fonts import Role
from inspector.documents.linebreak import cell_lines
from inspector.documents.typeset import (
    BLOCK_H,
    BLOCK_LEFT,
    BLOCK_W,
    Align,
    Block,
    Cell,
    Column,
    Glyphs,
    Op,
    RuleOp,
    Span,
    baseline_in_slot,
    hard_lines,
    natural_widths,
    runs,
    shift,
)

__all__ = ["TableMixin"]


class TableMixin:
    """Adds :meth:`table` to a document that keeps its blocks in ``self.blocks``."""

    blocks: list[Block]

    @property
    def page_room(self) -> float:
        return BLOCK_H

    def table(
        self,
        columns: Sequence[Column],
        rows: Iterable[Sequence[Cell | str]],
        *,
        field: str = "表格",
        size: float = 12.0,
        header: bool = True,
        leading: float | None = None,
        min_row_height: float = 0.0,
        label_role: Role = Role.HEI,
    ) -> None:
        """A ruled table across the block width. The header row repeats on each page; a row moves
        to the next page whole, unless it is taller than a page, when it continues there."""
        leading = leading or size * 1.45
        total = sum(c.weight for c in columns)
        xs = [BLOCK_LEFT]
        for c in columns:
            xs.append(xs[-1] + BLOCK_W * c.weight / total)
        xs[-1] = BLOCK_LEFT + BLOCK_W
        head: Block | None = None
        if header:
            titles = [Cell(c.title, label_role, "center") for c in columns]
            head = self._row(titles, columns, xs, field, size, leading, min_row_height, None)[0]
            head.grid = True
            self.blocks.append(head)
        first = True
        for row in rows:
            cells = [c if isinstance(c, Cell) else Cell(c) for c in row]
            for block in self._row(cells, columns, xs, field, size, leading, min_row_height, head):
                block.grid = head is None and first
                first = False
                self.blocks.append(block)

    def _row(
        self,
        cells: Sequence[Cell],
        columns: Sequence[Column],
        xs: Sequence[float],
        field: str,
        size: float,
        leading: float,
        min_height: float,
        head: Block | None,
    ) -> list[Block]:
        pad_x, pad_y = 0.35 * size, 0.3 * size
        laid: list[tuple[float, float, Align, Glyphs, list[tuple[int, int]], list[float], float]] = []
        col = 0
        for cell in cells:
            span = max(1, cell.colspan)
            x1, x2 = xs[col], xs[min(col + span, len(columns))]
            g = Glyphs([Span(cell.text, field, cell.role)])
            widths = natural_widths(g, size)
            cap = x2 - x1 - 2 * pad_x
            parts: list[tuple[int, int]] = []
            scale = 1.0
            if "\n" not in g.text and sum(widths) <= cap:
                parts = [(0, len(g.text))]  # the usual short cell: one line
            else:  # broken only where a name, a time or a word is not split (linebreak.cell_lines)
                for a, b in hard_lines(g.text):
                    sub, sub_scale = cell_lines(g.text[a:b], widths[a:b], cap)
                    parts += [(a + s, a + e) for s, e in sub] or [(a, a)]
                    scale = min(scale, sub_scale)
            cell_size = size * scale
            widths = [w * scale for w in widths]
            laid.append((x1, x2, cell.align or columns[col].align, g, parts, widths, cell_size))
            col += span
        n_lines = max((len(p[4]) for p in laid), default=1)
        room = self.page_room - (head.height if head is not None else 0.0) - 2 * pad_y
        per_block = max(1, int(room // leading))
        blocks: list[Block] = []
        for first_line in range(0, n_lines, per_block):
            chunk = min(per_block, n_lines - first_line)
            height = max(min_height, chunk * leading + 2 * pad_y)
            ops: list[Op] = []
            for x1, x2, align, g, parts, widths, cell_size in laid:
                mine = parts[first_line : first_line + per_block]
                top = (height - len(mine) * leading) / 2 if n_lines <= per_block else pad_y
                for k, (s, e) in enumerate(mine):
                    w = sum(widths[s:e])
                    if align == "center":
                        x = x1 + (x2 - x1 - w) / 2
                    elif align == "right":
                        x = x2 - pad_x - w
                    else:
                        x = x1 + pad_x
                    base = top + k * leading + baseline_in_slot(cell_size, leading)
                    ops += shift(runs(g, s, e, x, cell_size, None, 0.0), base)
            ops += self._frame(cells, xs, height)
            blocks.append(Block(height, ops, grid=False, header=head))
        return blocks

    @staticmethod
    def _frame(cells: Sequence[Cell], xs: Sequence[float], height: float) -> list[Op]:
        line_w = 0.5
        ops: list[Op] = [
            RuleOp(xs[0], 0, xs[-1], 0, line_w),
            RuleOp(xs[0], height, xs[-1], height, line_w),
            RuleOp(xs[0], 0, xs[0], height, line_w),
        ]
        col = 0
        for cell in cells:
            col += max(1, cell.colspan)
            x = xs[min(col, len(xs) - 1)]
            ops.append(RuleOp(x, 0, x, height, line_w))
        return ops
