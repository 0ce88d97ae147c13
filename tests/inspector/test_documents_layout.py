"""GB/T 9704 geometry and Chinese line breaking, checked on extracted text and positions."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.documents.layout import (
    BLOCK_H,
    BLOCK_LEFT,
    BLOCK_TOP,
    BLOCK_W,
    LINE_PITCH,
    NO_END,
    NO_START,
    PAGE_H,
    Document,
    Span,
    break_positions,
)
from inspector.documents.official import build_notice, build_suggestion
from tests.inspector.test_documents_support import (
    MM,
    body_lines,
    grid_units,
    is_page_number,
    notice_doc,
    page_lines,
    pdf_text,
    suggestion_doc,
    unembedded_fonts,
)

RULER = Path("/work/shared/tools/gbt9704_ruler.py")
HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你说年"


def cjk_breaks(text: str, first: int = 56, rest: int = 56) -> list[str]:
    widths = [1.0 if ord(c) < 0x80 else 2.0 for c in text]
    return [text[s:e] for s, e in break_positions(text, widths, first, rest)]


# ---- the line breaker ------------------------------------------------------------------------------


def test_comma_at_line_start_pulls_the_previous_character_down() -> None:
    text = "甲" * 28 + "，乙丙"
    lines = cjk_breaks(text)
    assert lines == ["甲" * 27, "甲，乙丙"]


def test_full_stop_and_closing_quote_pull_down_together() -> None:
    text = "甲" * 27 + "乙。”丙"
    lines = cjk_breaks(text)
    assert lines[0] == "甲" * 27
    assert lines[1] == "乙。”丙"


def test_opening_bracket_never_ends_a_line() -> None:
    text = "甲" * 27 + "（乙）丙"
    lines = cjk_breaks(text)
    assert lines[0] == "甲" * 27
    assert lines[1].startswith("（")


def test_digits_and_dashes_stay_together() -> None:
    text = "甲" * 27 + "2026年" + "丙"  # "20" would still fit on the first line
    lines = cjk_breaks(text)
    assert lines[0] == "甲" * 27 and lines[1] == "2026年丙"
    lines = cjk_breaks("甲" * 27 + "——乙")
    assert lines[0] == "甲" * 27 and lines[1] == "——乙"


def test_first_line_capacity_is_smaller_by_the_indent() -> None:
    lines = cjk_breaks("甲" * 60, first=52)
    assert [len(x) for x in lines] == [26, 28, 6]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=HAN + "，。、；：？！“”（）《》0123456789", min_size=1, max_size=200))
def test_breaker_keeps_every_character_and_fits_the_line(text: str) -> None:
    widths = [1.0 if ord(c) < 0x80 else 2.0 for c in text]
    spans = break_positions(text, widths, 52, 56)
    assert "".join(text[s:e] for s, e in spans) == text
    for k, (s, e) in enumerate(spans):
        assert e > s
        assert sum(widths[s:e]) <= (52 if k == 0 else 56) or e - s == 1


def test_realistic_text_never_breaks_against_the_rules() -> None:
    rng = random.Random(7)
    parts = []
    for _ in range(400):
        parts.append("".join(rng.choice(HAN) for _ in range(rng.randint(2, 12))))
        parts.append(rng.choice(["，", "。", "、", "；", "：", "（注）", "《条例》", "“是”", "2026年"]))
    text = "".join(parts)
    lines = cjk_breaks(text, 52, 56)
    for prev, line in itertools.pairwise(lines):
        assert line[0] not in NO_START, (prev, line)
        assert prev[-1] not in NO_END, (prev, line)


# ---- grid geometry of a rendered document ------------------------------------------------------------


@pytest.fixture(scope="module")
def long_notice() -> bytes:
    facts = "\n".join(notice_doc().facts for _ in range(8))
    return build_notice(notice_doc(facts=facts))


def test_body_lines_hold_28_characters_on_the_grid(long_notice: bytes) -> None:
    pages = body_lines(long_notice)
    assert len(pages) >= 2
    full = [ln for page in pages for ln in page if grid_units(ln.text) >= 27.5]
    assert len(full) >= 10
    for ln in full:
        assert abs(ln.x0 / MM - 28) < 0.2  # flush with the left edge of the block
        assert abs(ln.x1 / MM - (28 + 156)) < 0.3  # the 28th character ends at the right edge
    for ln in (ln for page in pages for ln in page):
        assert grid_units(ln.text) <= 28
        assert ln.x1 / MM <= 28 + 156 + 0.3
    # Characters sit on the 156/28 mm grid: every CJK character starts on a cell boundary (or half-cell).
    cell = BLOCK_W / 28
    for ln in full[:5]:
        for c in ln.chars:
            pos = (c["x0"] - BLOCK_LEFT) / (cell / 2)
            assert abs(pos - round(pos)) < 0.05, (ln.text, c["text"])


def test_a_full_page_has_22_lines_at_the_standard_pitch(long_notice: bytes) -> None:
    lines = [ln for ln in page_lines(long_notice)[1] if not is_page_number(ln)]
    assert len(lines) == 22
    pitches = {round((b.top - a.top) / MM, 2) for a, b in itertools.pairwise(lines)}
    assert pitches <= {round(225 / 22, 2), round(225 / 22 - 0.01, 2), round(225 / 22 + 0.01, 2)}
    # Each 16 pt em box is centred in its 225/22 mm slot: top and bottom within the block.
    assert BLOCK_TOP / MM <= lines[0].top / MM <= 37 + (225 / 22 - 16 / MM) / 2 + 1
    assert lines[-1].bottom / MM <= 37 + 225
    assert lines[-1].bottom / MM >= 37 + 225 - (LINE_PITCH - 16) / 2 / MM - 1


def test_margins_within_1_mm(long_notice: bytes) -> None:
    everything = [ln for page in page_lines(long_notice) for ln in page if not is_page_number(ln)]
    left = min(ln.x0 for ln in everything) / MM
    right = 210 - max(ln.x1 for ln in everything) / MM
    top = min(ln.top for ln in everything) / MM
    bottom = 297 - max(ln.bottom for ln in everything) / MM
    assert abs(left - 28) <= 1
    assert abs(right - 26) <= 1
    assert 37 - 1 <= top <= 37 + (LINE_PITCH - 22) / 2 / MM + 1  # the 2号 title centred in line 1
    assert bottom >= 35 - 1
    assert pytest.approx(225) == BLOCK_H / MM


def test_page_numbers_alternate_sides_7_mm_below_the_block(long_notice: bytes) -> None:
    pages = page_lines(long_notice)
    numbers = [next(ln for ln in page if is_page_number(ln)) for page in pages]
    assert [ln.text for ln in numbers[:2]] == ["—1—", "—2—"]
    for i, ln in enumerate(numbers, start=1):
        assert ln.size == pytest.approx(14)
        assert ln.top / MM > 37 + 225 + 3
        dash_y = (ln.top + ln.bottom) / 2 / MM
        assert abs(dash_y - (37 + 225 + 7)) < 2.5
        if i % 2:
            assert abs((210 - 26 - 14 / MM) - ln.x1 / MM) < 0.5  # 右空一字
        else:
            assert abs(ln.x0 / MM - (28 + 14 / MM)) < 0.5  # 左空一字


def test_every_font_is_embedded(long_notice: bytes) -> None:
    assert unembedded_fonts(long_notice) == set()


def test_title_centred_and_doc_number_right_aligned() -> None:
    data = build_notice(notice_doc())
    lines = page_lines(data)[0]
    title = next(ln for ln in lines if ln.text == "纠正违法通知书")
    assert title.size == pytest.approx(22)
    centre = (title.x0 + title.x1) / 2 / MM
    assert abs(centre - (28 + 78)) < 1
    number = next(ln for ln in lines if "〔2026〕3号" in ln.text)
    assert abs(number.x1 / MM - (28 + 156)) < 0.5


def test_grid_holds_across_font_subsets() -> None:
    """More than 256 distinct glyphs spread over several reportlab font subsets: still on the grid."""
    text = "".join(chr(cp) for cp in range(0x4E00, 0x4E00 + 600) if chr(cp) not in NO_START)
    d = Document("t")
    d.paragraph(Span(text, "t"), indent=0)
    cell = BLOCK_W / 28
    lines = [ln for page in body_lines(d.render()) for ln in page]
    assert len(lines) > 20
    for ln in lines:
        for k, c in enumerate(ln.chars):
            assert abs((c["x0"] - BLOCK_LEFT) / cell - k) < 0.01, (ln.text, k)


def test_justified_line_after_a_pulled_down_character() -> None:
    d = Document("t")
    d.paragraph(Span("甲" * 25 + "乙，丙" * 3, "t"))  # "，" would start line 2
    lines = body_lines(d.render())[0]
    assert lines[0].text == "甲" * 25
    assert lines[1].text.startswith("乙，")  # 乙 came down with the comma
    assert abs(lines[0].x1 / MM - (28 + 156)) < 0.3  # still spans the full measure


@pytest.mark.parametrize("builder", ["notice", "suggestion"])
def test_gbt9704_ruler_passes(builder: str, tmp_path: Path) -> None:
    data = build_notice(notice_doc()) if builder == "notice" else build_suggestion(suggestion_doc())
    out = tmp_path / f"{builder}.pdf"
    out.write_bytes(data)
    if not RULER.is_file():
        pytest.skip("the shared GB/T 9704 ruler is not available here")
    result = subprocess.run(
        [sys.executable, str(RULER), str(out)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "GB/T 9704 ok" in result.stdout


def test_page_height_is_a4() -> None:
    assert pytest.approx(297) == PAGE_H / MM
    assert "纠正违法通知书" in pdf_text(build_notice(notice_doc()))


def test_doc_number_can_be_centred() -> None:
    lines = page_lines(build_notice(notice_doc(doc_number_align="center")))[0]
    number = next(ln for ln in lines if "〔2026〕3号" in ln.text)
    assert abs((number.x0 + number.x1) / 2 / MM - (28 + 78)) < 3  # centred on the half-cell grid


# ---- the 版记 on the last, even page (GB/T 9704 7.4.1, 7.5) ---------------------------------------------


def document_with(lines: int) -> Document:
    d = Document("版记测试")
    for i in range(lines):
        d.line(Span(f"第{i + 1}行正文", "正文"))
    d.colophon(["毕节市人民检察院"])
    return d


def colophon_page(d: Document) -> tuple[int, list[bool], bool]:
    """(the 版记's page number, which pages are numbered, whether the 版记 ends on the block's bottom)."""
    pages = d.paginate()
    cb = d.colophon_block
    where = [i for i, page in enumerate(pages, start=1) if any(block is cb for block, _ in page.placed)]
    assert len(where) == 1 and where[0] == len(pages)  # on the last page
    y = next(y for block, y in pages[-1].placed if block is cb)
    assert cb is not None
    return where[0], [page.numbered for page in pages], abs(y + cb.height - BLOCK_H) < 1e-6


@pytest.mark.parametrize(
    ("lines", "page", "numbered"),
    [
        (5, 2, [True, True]),  # a one-page document: the 版记 alone on page 2, which keeps its number
        (30, 2, [True, True]),  # room at the bottom of page 2: shared with the text
        (44, 4, [True, True, False, False]),  # page 2 full: a blank page 3, the 版记 on 4, neither numbered
        (50, 4, [True, True, True, True]),  # the text runs onto page 3: the 版记 alone on page 4
    ],
)
def test_the_colophon_ends_the_last_even_page(lines: int, page: int, numbered: list[bool]) -> None:
    d = document_with(lines)
    at, pages_numbered, on_bottom = colophon_page(d)
    assert (at, pages_numbered, on_bottom) == (page, numbered, True)
    pdf = d.render()
    texts = page_lines(pdf)
    assert len(texts) == page
    assert "抄送：毕节市人民检察院。" in "".join(ln.text for ln in texts[-1])
    assert [any(is_page_number(ln) for ln in p) for p in texts] == numbered


def test_single_sided_documents_may_keep_the_colophon_on_an_odd_page() -> None:
    d = document_with(5)
    d.colophon_on_even_page = False
    assert colophon_page(d)[0] == 1
