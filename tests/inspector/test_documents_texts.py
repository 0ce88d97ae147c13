"""Document texts (issue #12, item 9): the talk record signed page by page, table cells that never
break inside a name, a time or a word, and the station's date style."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, date, datetime

import pdfplumber
import pytest

from inspector.documents.linebreak import cell_segments
from inspector.documents.loaders import load_notice
from inspector.documents.monthly import build_monthly_report, load_monthly_report
from inspector.documents.official import build_notice, build_suggestion
from inspector.documents.records import MailboxDoc, TalkDoc, build_mailbox_register, build_talk
from inspector.documents.register import RegisterDoc, RegisterRow, build_register
from inspector.documents.text import chinese_date, issue_date
from inspector.domain.errors import ValidationError
from inspector.station_settings import list_settings, set_setting
from inspector.store.store import Store
from tests.inspector.test_documents_builders import filled, user_id  # noqa: F401 - fixtures
from tests.inspector.test_documents_support import MM, notice_doc, page_lines, pdf_text, suggestion_doc

FOOTER = "被谈话人：谈话人：记录人："


def _talk(qa_pairs: int, opinion: str | None = "转看守所核查，一周内回复。") -> TalkDoc:
    qa = "\n".join(
        "问：你在所内的生活情况怎么样？伙食、放风、就医能否得到保障？\n"
        "答：都还可以，就是最近监室里有人晚上不让睡觉，管教民警巡查的时候也没有发现。"
        for _ in range(qa_pairs)
    )
    return TalkDoc(
        organisation="七星关区看守所检察室",
        talk_at=datetime(2026, 10, 13, 1, 18, tzinfo=UTC),
        person={"name": "王宁鹏", "gender": "male", "cell": "108", "stage": "investigation"},
        talk_type="日常",
        place="监区谈话室",
        interviewers=["陈思琪", "王镕"],
        recorder="王镕",
        qa_text=qa,
        handling_opinion=opinion,
    )


def _page_texts(data: bytes) -> list[list[str]]:
    return [[ln.text.replace(" ", "") for ln in page] for page in page_lines(data)]


def test_a_long_talk_record_is_signed_and_numbered_on_every_page() -> None:
    pages = _page_texts(build_talk(_talk(20)))
    total = len(pages)
    assert total >= 3
    closing = next(n for n, p in enumerate(pages) if any("被谈话人（签名、捺印）" in t for t in p))
    opinion = next(n for n, p in enumerate(pages) if any("处理意见（检察人员填写）" in t for t in p))
    assert pages[0][0] == "个别谈话笔录"
    for n, lines in enumerate(pages, start=1):
        assert lines[-1] == f"第{n}页共{total}页", lines[-1]
        if n - 1 < closing:  # signed at the foot of the page, under everything else on it
            assert lines[-2] == FOOTER, (n, lines[-3:])
        else:  # the closing signatures sign their page; the person never signs under the 处理意见
            assert FOOTER not in lines, (n, lines)
    assert opinion >= closing
    closing_page = "".join(pages[closing])
    assert closing_page.index("以上笔录我看过") < closing_page.index("被谈话人（签名、捺印）")


def test_a_one_page_talk_record_says_page_1_of_1() -> None:
    pages = _page_texts(build_talk(_talk(1, opinion=None)))
    assert len(pages) == 1
    assert pages[0][-1] == "第1页共1页"
    assert FOOTER not in pages[0]  # its closing signatures are on the page
    assert "被谈话人（签名、捺印）：" in pages[0]


def _column(data: bytes, x0_mm: float, x1_mm: float, page: int = 0) -> list[str]:
    """Text lines inside one table column (by the characters' left edges), top to bottom."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = [c for c in pdf.pages[page].chars if x0_mm * MM <= c["x0"] < x1_mm * MM]
    rows: dict[int, list[dict[str, float | str]]] = {}
    for c in chars:
        rows.setdefault(round(float(c["top"])), []).append(c)
    return [
        "".join(str(c["text"]) for c in sorted(cs, key=lambda c: c["x0"])) for _, cs in sorted(rows.items())
    ]


def test_cell_segments_keep_names_times_numbers_and_unit_names_whole() -> None:
    def parts(text: str) -> list[str]:
        return [text[a:b] for a, b in cell_segments(text)]

    assert parts("毕节市七星关区看守所") == ["毕节市", "七星关区", "看守所"]
    assert parts("2026年10月14日15时17分") == ["2026年10月14日", "15时17分"]
    assert parts("毕节市公安局交通警察支队七星关大队") == ["毕节市", "公安局", "交通警察支队", "七星关大队"]
    assert parts("张三（保密）") == ["张三", "（保密）"]
    assert parts("陈思琪、王镕") == ["陈思琪、", "王镕"]
    assert parts("103监室") == ["103监室"]
    assert parts("举报所外人员涉毒线索") == ["举报所外人员涉毒线索"]  # 所外 is no unit's end
    assert parts("贵州省毕节市") == ["贵州省", "毕节市"]


def test_free_text_in_a_cell_fills_its_lines_and_keeps_dates_whole() -> None:
    from inspector.documents.linebreak import cell_lines

    text = (
        "在押人员唐建德因涉嫌故意伤害罪于2026年4月28日被执行逮捕，侦查羁押期限已于2026年6月28日届满，"
        "毕节市公安局七星关分局未依法办理延长侦查羁押期限手续"
    )
    widths = [1.0 if ch.isascii() else 2.0 for ch in text]
    lines, scale = cell_lines(text, widths, 48.0)  # 24 characters a line
    parts = [text[a:b] for a, b in lines]
    assert scale == 1.0 and "".join(parts) == text
    assert all(sum(widths[a:b]) >= 0.75 * 48 for a, b in lines[:-1]), parts  # no ragged short lines
    assert any("2026年4月28日" in p for p in parts) and any("2026年6月28日" in p for p in parts)


def test_a_cell_a_little_too_wide_shrinks_onto_one_line() -> None:
    from inspector.documents.linebreak import cell_lines

    text = "毕节市七星关区人民检察院"  # 12 characters in a cell of 11.5
    lines, scale = cell_lines(text, [2.0] * len(text), 23.0)
    assert lines == [(0, 12)] and scale == pytest.approx(23 / 24)
    lines, scale = cell_lines(text, [2.0] * len(text), 20.0)  # 10: broken after 区
    assert [text[a:b] for a, b in lines] == ["毕节市七星关区", "人民检察院"] and scale == 1.0


def test_register_cells_never_break_inside_a_name_or_a_word() -> None:
    rows = [
        RegisterRow("欧阳小明明", "男", "101", date(2026, 9, 17), "判决生效待交付执行", date(2026, 12, 19),
                    case_authority="毕节市公安局交通警察支队七星关大队"),
        RegisterRow("张三", "男", "102", date(2026, 9, 17), "先行拘留（监察留置案件）", date(2026, 12, 19),
                    case_authority="毕节市七星关区看守所"),
    ]  # fmt: skip
    data = build_register(
        RegisterDoc("毕节市七星关区看守所", "七星关区看守所检察室", date(2026, 12, 3), rows)
    )
    left = 28 + 11  # 序号
    name = _column(data, left, left + 17)
    stage = _column(data, left + 17 + 9 + 11 + 19, left + 17 + 9 + 11 + 19 + 31)
    authority = _column(data, left + 17 + 9 + 11 + 19 + 31, left + 17 + 9 + 11 + 19 + 31 + 39)
    assert "欧阳小明明" in name
    assert "判决生效待交付执行" in stage
    assert stage[-2:] == ["先行拘留", "（监察留置案件）"]
    at = authority.index("毕节市公安局")
    assert authority[at + 1] == "交通警察支队七星关大队"
    assert "毕节市七星关区看守所" in authority


def test_a_time_cell_never_breaks_inside_the_date_or_the_time() -> None:
    doc = MailboxDoc(
        organisation="七星关区看守所检察室",
        opened_at=datetime(2026, 10, 14, 7, 17, tzinfo=UTC),  # 15时17分 in Beijing
        location="三监区放风场信箱",
        openers=["陈思琪", "王镕"],
    )
    data = build_mailbox_register(doc)
    # the opening time cell: 1.5 / 7 of the block after the label, 2.5 / 7 wide
    cell = _column(data, 28 + 156 * 1.5 / 7, 28 + 156 * 4 / 7)
    # on one line, a little smaller, or broken between the date and the time — never inside either
    assert any("2026年10月14日" in t for t in cell) and any("15时17分" in t for t in cell), cell
    assert not any(t.endswith(("15时17", "15时", "15", "14")) for t in cell), cell
    assert "放风场信箱" in _column(data, 28 + 156 * 5.25 / 7, 28 + 156)


def test_chinese_dates() -> None:
    assert chinese_date(date(2026, 9, 18)) == "二〇二六年九月十八日"
    assert chinese_date(date(2030, 10, 1)) == "二〇三〇年十月一日"
    assert chinese_date(date(2026, 12, 31)) == "二〇二六年十二月三十一日"
    assert issue_date(date(2026, 9, 18)) == "2026年9月18日"
    assert issue_date(None) == "　　年　　月　　日"


def test_the_date_style_is_a_station_setting_the_documents_follow(
    store: Store,
    filled: dict[str, uuid.UUID],  # noqa: F811 - the fixture imported above
) -> None:
    view = next(v for v in list_settings(store) if v.key == "doc_date_style")
    assert view.value == "arabic" and view.kind == "choice"
    assert "2026年3月10日" in pdf_text(build_notice(load_notice(store, filled["notice"])))
    with pytest.raises(ValidationError, match="成文日期写法"):
        set_setting(store, "doc_date_style", "roman")
    set_setting(store, "doc_date_style", "chinese")
    notice = pdf_text(build_notice(load_notice(store, filled["notice"])))
    assert notice.endswith("二〇二六年三月十日") or "二〇二六年三月十日" in notice
    assert "2026年3月10日巡视" not in notice  # the facts keep their own dates; only the 成文日期 changes
    report = load_monthly_report(store, 2026, 3)
    assert report.date_style == "chinese"
    counted_on = date.fromisoformat(report.counts["computed_on"])  # dated the day it was counted
    text = pdf_text(build_monthly_report(report)).rstrip("—0123456789")  # the page number aside
    assert text.endswith("七星关区看守所检察室" + chinese_date(counted_on))


def test_official_documents_print_the_date_in_the_style_given() -> None:
    notice = pdf_text(build_notice(notice_doc(date_style="chinese")))
    assert "二〇二六年三月十二日" in notice and "2026年3月12日" not in notice
    suggestion = pdf_text(build_suggestion(suggestion_doc(date_style="chinese")))
    assert "二〇二六年三月二十日" in suggestion
    assert "2026年3月12日" in pdf_text(build_notice(notice_doc()))


def test_the_register_says_刑满释放日期_for_a_convict_serving_in_the_centre() -> None:
    rows = [
        RegisterRow("钱八", "男", "301", date(2026, 1, 5), "留所服刑", date(2027, 3, 1), serving=True),
        RegisterRow("周九", "男", "302", date(2026, 9, 1), "侦查羁押", date(2026, 12, 19)),
    ]
    data = build_register(
        RegisterDoc("毕节市七星关区看守所", "七星关区看守所检察室", date(2026, 12, 3), rows)
    )
    deadline = _column(data, 28 + 156 - 19, 28 + 156)
    at = deadline.index("刑满释放日期")
    assert deadline[at + 1] == "2027.3.1"
    assert deadline.count("刑满释放日期") == 1 and "2026.12.19" in deadline


def test_the_register_marks_the_serving_convicts_from_the_store(store: Store) -> None:
    from inspector.documents.register import load_register
    from inspector.store.models import Detainee
    from tests.conftest import aware, detainee_values

    store.repo(Detainee).add(
        detainee_values(
            name="钱八",
            admitted_at=aware(2026, 1, 5, 2),
            legal_status="convict",
            stage="serving_in_center",
            stage_started_on=date(2026, 6, 1),
            sentence_kind="fixed_term",
            term_end=date(2026, 8, 20),
        )
    )
    doc = load_register(store, date(2026, 7, 1))
    assert [(r.name, r.serving, r.deadline) for r in doc.rows] == [("钱八", True, date(2026, 8, 20))]
    text = pdf_text(build_register(doc))  # the row's first line holds the label, its second the date
    assert "羁押期限刑满释放日期1钱八" in text and text.endswith("留所服刑2026.8.20—1—")
