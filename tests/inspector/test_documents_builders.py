"""Every document kind: content on the page, confidential sources masked, records compiled from the store."""

from __future__ import annotations

import argparse
import uuid
from datetime import date, time
from pathlib import Path

import pytest

from inspector.cli.documents import register as register_pdf_command
from inspector.documents.confidential import Pseudonymizer
from inspector.documents.daily_log import build_daily_log, load_daily_log
from inspector.documents.loaders import load_mailbox, load_notice, load_oral_correction, load_talk
from inspector.documents.monthly import build_monthly_report, load_monthly_report
from inspector.documents.official import build_notice, build_suggestion
from inspector.documents.records import build_mailbox_register, build_oral_correction, build_talk
from inspector.documents.register import build_register, load_register
from inspector.documents.render import render_pdf
from inspector.documents.text import chinese_count, chinese_number, format_date
from inspector.domain.errors import InspectorError
from inspector.store.models import (
    AppUser,
    Detainee,
    Finding,
    MailboxLetter,
    MailboxOpening,
    MonthlyReport,
    OralCorrection,
    Patrol,
    RectificationNotice,
    Talk,
)
from inspector.store.store import Store
from tests.conftest import aware, detainee_values
from tests.inspector.test_documents_support import MM, body_lines, notice_doc, pdf_text, suggestion_doc

DAY = date(2026, 3, 10)


def test_chinese_numerals_and_dates() -> None:
    assert [chinese_number(n) for n in (1, 10, 15, 20, 21, 90, 105, 1010)] == [
        "一",
        "十",
        "十五",
        "二十",
        "二十一",
        "九十",
        "一百零五",
        "一千零一十",
    ]
    assert chinese_count(2) == "两" and chinese_count(3) == "三"
    assert format_date(date(2026, 3, 2)) == "2026年3月2日"  # no zero padding


def test_pseudonyms_in_order_of_appearance() -> None:
    p = Pseudonymizer(["张三", "李四"])
    assert p.apply("李四举报张三，张三否认。") == "在押人员甲举报在押人员乙，在押人员乙否认。"
    assert p.apply("在押人员张三") == "在押人员乙"  # no "在押人员在押人员乙"
    assert Pseudonymizer(["王五"], "举报人{}").apply("王五") == "举报人甲"


# ---- the two numbered documents ----------------------------------------------------------------------


def test_notice_content() -> None:
    data = build_notice(notice_doc(reply_period_days=20))
    text = pdf_text(data)
    for phrase in (
        "毕节市七星关区人民检察院",
        "纠正违法通知书",
        "七检刑执纠违〔2026〕3号",
        "毕节市七星关区看守所：",
        "本院于2026年3月10日巡视检察中发现，你所一监区103监室",
        "本院认为，上述行为违反了《中华人民共和国看守所条例》第十七条的规定。",
        "根据《人民检察院刑事诉讼规则》第五百五十二条的规定，特通知你单位予以纠正：",
        "建立健全械具使用审批和登记制度。",
        "请在收到本通知书后二十日内将纠正情况书面回复本院。",
        "2026年3月12日",
        "抄送：毕节市人民检察院，毕节市公安局。",
    ):
        assert phrase in text, phrase
    assert "院印" not in text  # the seal is stamped by hand; no placeholder


def test_signature_block_positions() -> None:
    lines = body_lines(build_notice(notice_doc()))[0]
    date_line = next(ln for ln in lines if ln.text == "2026年3月12日")
    name_line = [ln for ln in lines if ln.text == "毕节市七星关区人民检察院"][-1]
    cell = 156 / 28
    assert abs((28 + 156 - date_line.x1 / MM) - 4 * cell) < 0.5  # 右空四字
    assert abs((name_line.x0 + name_line.x1) / 2 - (date_line.x0 + date_line.x1) / 2) / MM < cell  # centred
    assert date_line.top > name_line.top
    reply = next(ln for ln in lines if ln.text.startswith("请在收到"))
    assert (name_line.top - reply.top) / MM == pytest.approx(3 * 225 / 22, abs=0.2)  # two lines for the seal


def test_suggestion_content() -> None:
    text = pdf_text(build_suggestion(suggestion_doc()))
    for phrase in (
        "检察建议书",
        "七检刑执建〔2026〕1号",
        "现查明：你所二监区201、203、205监室",
        "本院在2026年3月对你所开展的月检察中",
        "本院认为，上述问题反映出你所在安全防范和监控管理方面存在漏洞",
        "；你所上述做法不符合《中华人民共和国看守所条例》第十六条",
        "特提出如下检察建议：",
        "一、对全部监室监控设备进行排查",
        "二、健全夜间巡查登记制度，落实巡查责任。",
        "十日内书面提出",
        "请在收到本检察建议书后两个月内将采纳落实情况书面回复本院。",
        "七检刑执建〔2026〕1号毕节市七星关区看守所：",  # 主送 at the top
        "2026年3月20日",
        "抄送：毕节市人民检察院。",
    ):
        assert phrase in text, phrase
    assert "此致" not in text and text.count("现查明") == 1


def test_suggestion_reads_as_one_document() -> None:
    """No orphan sentence, the facts once, a reasoning paragraph after 本院认为, the signature with the
    last paragraph (issue 12, item 9)."""
    facts = "毕节市七星关区看守所在押人员账目管理存在收支记录不清、票据不全等问题"
    doc = suggestion_doc(
        case_source="本院驻所检察室在日常巡视检察中发现",
        facts_found=facts,
        problems=facts,
        cause_analysis="账目管理制度不健全",
        legal_basis="《人民检察院检察建议工作规定》第十一条；《人民检察院刑事诉讼规则》第六百二十四条",
        objection_period_days=None,
    )
    data = build_suggestion(doc)
    text = pdf_text(data)
    assert f"本院驻所检察室在日常巡视检察中发现，{facts}。" in text  # the source leads into the facts
    assert text.count("收支记录不清") == 1  # the facts once
    assert "本院认为，上述问题的原因在于账目管理制度不健全，应当予以整改。" in text
    assert (
        "根据《人民检察院检察建议工作规定》第十一条、《人民检察院刑事诉讼规则》第六百二十四条的规定，特提出如下检察建议："
        in text
    )
    last = [ln.text for ln in [page for page in body_lines(data) if page][-1]]
    assert "毕节市七星关区人民检察院" in last and "2026年3月20日" in last
    assert any(("本院" in ln and "回复" in ln) or ln == "本院。" for ln in last)  # not alone with the seal


# ---- the store: confidential sources, records, logs, reports -----------------------------------------------


def user_id(store: Store) -> str:
    return str(store.repo(AppUser).list()[0].id)


@pytest.fixture
def filled(store: Store) -> dict[str, uuid.UUID]:
    """A day of work with two confidential sources (a letter writer and a talker)."""
    det = store.repo(Detainee)
    zhang = det.add(detainee_values(name="张三", admitted_at=aware(2026, 3, 10, 2)))
    li = det.add(
        detainee_values(name="李四", cell="205", stage="investigation", stage_started_on=date(2026, 3, 1))
    )
    wang = det.add(detainee_values(name="王喆", gender="female", cell="301"))
    me = user_id(store)
    opening = store.repo(MailboxOpening).add(
        {
            "opened_at": aware(2026, 3, 10, 1),
            "opener_ids": [me],
            "letter_count": 2,
            "mailbox_location": "一监区",
        }
    )
    letter = store.repo(MailboxLetter).add(
        {
            "opening_id": opening.id,
            "serial_no": 1,
            "detainee_id": zhang.id,
            "category": "accusation",
            "subject": "反映同监室人员被殴打",
            "accepted_on": DAY,
            "confidential": True,
            "block": "一监区",
        }
    )
    store.repo(MailboxLetter).add(
        {
            "opening_id": opening.id,
            "serial_no": 2,
            "detainee_id": wang.id,
            "category": "inquiry",
            "subject": "咨询取保候审",
            "accepted_on": DAY,
        }
    )
    talk = store.repo(Talk).add(
        {
            "talk_at": aware(2026, 3, 10, 6, 30),
            "detainee_id": li.id,
            "detainee_snapshot": {
                "name": "李四",
                "gender": "male",
                "birth_date": "1990-05-01",
                "cell": "205",
                "stage": "investigation",
                "detained_on": "2026-03-01",
            },
            "talk_type": "requested",
            "interviewer_ids": [me],
            "place": "谈话室",
            "qa_text": "问：你要反映什么问题？\n答：张三晚上被人打了。",
            "confidential": True,
        }
    )
    store.repo(Patrol).add(
        {
            "patrol_date": DAY,
            "start_time": time(9),
            "end_time": time(10),
            "areas": ["一监区", "禁闭室"],
            "methods": ["on_site", "video"],
            "video_segments": [{"camera": "103", "from": "08:00", "to": "09:00"}],
        }
    )
    oral = store.repo(OralCorrection).add(
        {
            "issued_on": DAY,
            "issuer_ids": [me],
            "addressee_unit": "毕节市七星关区看守所",
            "source": "mailbox",
            "facts": "在押人员张三反映被同监室人员殴打，值班民警未及时制止。",
        }
    )
    notice = store.repo(RectificationNotice).add(
        {
            "issuer_name": "毕节市七星关区人民检察院",
            "addressee": "毕节市七星关区看守所",
            "trigger": "oral_not_corrected",
            "oral_correction_id": oral.id,
            "discovery": "2026年3月10日开启检察官信箱",
            "facts": "在押人员张三于3月9日被同监室人员殴打，李四目睹经过，值班民警未及时制止。",
            "violated_provision": "《中华人民共和国看守所条例》第十六条",
            "issued_on": DAY,
        }
    )
    for source, link in (("mailbox", {"letter_id": letter.id}), ("talk", {"talk_id": talk.id})):
        store.repo(Finding).add(
            {
                "found_on": DAY,
                "description": "同监室人员殴打在押人员",
                "severity": "serious_violation",
                "source": source,
                "oral_correction_id": oral.id,
                "rectification_notice_id": notice.id,
                **link,
            }
        )
    return {"notice": notice.id, "oral": oral.id, "talk": talk.id, "opening": opening.id, "li": li.id}


def test_confidential_sources_never_named_in_documents_for_the_centre(
    store: Store, filled: dict[str, uuid.UUID]
) -> None:
    notice = pdf_text(build_notice(load_notice(store, filled["notice"])))
    assert "张三" not in notice and "李四" not in notice
    assert "在押人员甲于3月9日被同监室人员殴打，在押人员乙目睹经过" in notice
    oral = pdf_text(build_oral_correction(load_oral_correction(store, filled["oral"])))
    assert "张三" not in oral and "在押人员甲反映被同监室人员殴打" in oral
    for_centre = pdf_text(
        build_mailbox_register(load_mailbox(store, filled["opening"], for_detention_center=True))
    )
    assert "张三" not in for_centre and "王喆" in for_centre
    assert "在押人员" in for_centre and "甲" in for_centre  # the pseudonym wraps in the narrow name cell
    internal = pdf_text(build_mailbox_register(load_mailbox(store, filled["opening"])))
    assert "张三反映同监室" in internal and "（保密）人员被殴打" in internal  # marked, on its own line


def test_pseudonym_is_a_station_setting(store: Store, filled: dict[str, uuid.UUID]) -> None:
    from inspector.store.models import StationSetting

    store.repo(StationSetting).add({"key": "confidential_pseudonym", "value": "知情人{}"})
    text = pdf_text(build_notice(load_notice(store, filled["notice"])))
    assert "知情人甲" in text and "张三" not in text


def test_talk_record_header_and_questions(store: Store, filled: dict[str, uuid.UUID]) -> None:
    text = pdf_text(build_talk(load_talk(store, filled["talk"])))
    for phrase in (
        "个别谈话笔录",
        "姓名李四",
        "性别男",
        "出生日期1990年5月1日",
        "监室205",
        "诉讼环节侦查羁押",
        "羁押日期2026年3月1日",
        "谈话时间2026年3月10日14时30分",
        "谈话类型约见",
        "问：你要反映什么问题？",
        "答：张三晚上被人打了。",
        "保密来源",
        "被谈话人（签名、捺印）",
    ):
        assert phrase in text, phrase


def test_talk_record_attestation_before_signatures_and_opinion_after(
    store: Store, filled: dict[str, uuid.UUID]
) -> None:
    store.repo(Talk).update(filled["talk"], {"handling_opinion": "转办看守所核查"})
    text = pdf_text(build_talk(load_talk(store, filled["talk"])))
    attest = text.index("以上笔录我看过（向我宣读过），和我说的相符。")
    signed = text.index("被谈话人（签名、捺印）")
    opinion = text.index("处理意见（检察人员填写）")
    assert text.index("答：张三晚上被人打了。") < attest < signed < text.index("记录人（签名）") < opinion
    assert "转办看守所核查" in text[opinion:]


def test_daily_log_is_compiled_from_the_days_records(store: Store, filled: dict[str, uuid.UUID]) -> None:
    doc = load_daily_log(store, DAY)
    assert doc.patrols == 1 and doc.places == ["一监区", "禁闭室"]
    assert doc.video_reviews == 1 and doc.video_segments == 1
    assert doc.talks == {"约见": 1}
    assert doc.openings == 1 and doc.letters == {"控告": 1, "咨询": 1}
    assert len(doc.findings) == 2 and len(doc.oral_corrections) == 1
    assert doc.admitted == 1 and doc.held == 3
    text = pdf_text(build_daily_log(doc))
    for phrase in (
        "派驻检察工作日志",
        "2026年3月10日（星期二）",
        "在押3人；新收押1人",
        "巡视检察1次",
        "检察场所：一监区、禁闭室",
        "个别谈话1人次（约见1人次）",
        "收到来信2件（控告1件、咨询1件）",
        "发现问题2个",
        "提出口头纠正意见1次",
    ):
        assert phrase in text, phrase


def test_monthly_counts_and_report(store: Store, filled: dict[str, uuid.UUID]) -> None:
    doc = load_monthly_report(store, 2026, 3)
    c = doc.counts
    assert c["population"]["held_end"] == 3 and c["population"]["admitted"] == 3
    assert c["population"]["by_status"] == {"犯罪嫌疑人": 3, "被告人": 0, "罪犯": 0}
    assert c["patrols"]["count"] == 1 and c["patrols"]["places"]["禁闭室"] == 1
    assert c["patrols"]["video_reviews"] == 1
    assert c["talks"]["count"] == 1 and c["talks"]["by_type"] == {"约见": 1}
    assert c["mailbox"] == {
        "openings": 1,
        "letters": 2,
        "by_category": {"控告": 1, "咨询": 1},
        "answered": 0,
        "answered_in_time": 0,
        "review_days": 15,
    }
    assert c["findings"]["count"] == 2 and c["findings"]["by_severity"] == {"严重违法": 2}
    assert c["oral_corrections"] == {"count": 1, "corrected": 0, "corrected_in_time": 0, "escalated": 1}
    assert c["notices"]["issued"] == 1
    assert set(c) >= {"custody", "delivery", "incidents", "preholiday_inspections", "lawyer_meetings", "duty"}
    text = pdf_text(build_monthly_report(doc))
    for phrase in (
        "2026年3月工作情况报告",
        "一、基本情况",
        "截至2026年3月31日，看守所在押人员3人",
        "本月开展巡视检察1次",
        "制发纠正违法通知书1份",
        "个别谈话1人次（约见1人次）",
        "收到来信2件（控告1件、咨询1件）",
        "羁押期限检察",
        "交付执行检察",
        "值班情况",
    ):
        assert phrase in text, phrase


def test_a_submitted_report_prints_its_frozen_counts(store: Store, filled: dict[str, uuid.UUID]) -> None:
    frozen = load_monthly_report(store, 2026, 3).counts
    frozen = {**frozen, "patrols": {**frozen["patrols"], "count": 42}}
    store.repo(MonthlyReport).add(
        {
            "month": "2026-03",
            "status": "submitted",
            "counted_items": frozen,
            "manual_items": {"meetings": "参加联席会议1次"},
        }
    )
    doc = load_monthly_report(store, 2026, 3)
    assert doc.counts["patrols"]["count"] == 42
    text = pdf_text(build_monthly_report(doc))
    assert "本月开展巡视检察42次" in text and "参加联席会议1次" in text


def test_register_lists_everyone_held_with_deadlines(store: Store, filled: dict[str, uuid.UUID]) -> None:
    doc = load_register(store, DAY)
    assert [r.name for r in doc.rows] == ["张三", "李四", "王喆"]  # by cell, then name
    li = doc.rows[1]
    assert li.stage == "侦查羁押" and li.stage_started_on == date(2026, 3, 1)
    text = pdf_text(build_register(doc))
    assert "在押人员情况检察台账" in text and "在押3人" in text and "王喆" in text


def test_render_pdf_and_the_cli_command(store: Store, filled: dict[str, uuid.UUID], tmp_path: Path) -> None:
    with pytest.raises(InspectorError, match="未知的文书种类"):
        render_pdf(store, "memo", "x")
    with pytest.raises(InspectorError, match="YYYY-MM"):
        render_pdf(store, "monthly-report", "2026/03")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", dest="command_data_dir")
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir")
    parser.set_defaults(command_data_dir=None)
    register_pdf_command(parser.add_subparsers(), common)
    for kind, key in (
        ("notice", str(filled["notice"])),
        ("register", "2026-03-10"),
        ("monthly-report", "2026-03"),
    ):
        out = tmp_path / f"{kind}.pdf"
        args = parser.parse_args(["pdf", kind, key, "--out", str(out), "--data-dir", str(store.data_dir)])
        assert args.func(args) == 0
        assert out.read_bytes().startswith(b"%PDF")
    assert "在押人员甲" in pdf_text((tmp_path / "notice.pdf").read_bytes())


def test_draft_notice_prints_as_a_draft(store: Store) -> None:
    nid = (
        store.repo(RectificationNotice)
        .add(
            {
                "issuer_name": "毕节市七星关区人民检察院",
                "addressee": "毕节市七星关区看守所",
                "trigger": "serious_violation",
                "facts": "违规使用械具。",
            }
        )
        .id
    )
    text = pdf_text(render_pdf(store, "notice", str(nid)))
    assert "草稿（未签发，无文号）" in text and "〔" not in text  # never a blank 〔　〕号
    assert text.count("稿") == 2  # the number line and the grey mark across the page
    assert "年月日" in text  # the date is left blank until issued


def test_every_kind_stays_inside_the_block_with_fonts_embedded(
    store: Store, filled: dict[str, uuid.UUID]
) -> None:
    from tests.inspector.test_documents_support import is_page_number, page_lines, unembedded_fonts

    keys = {
        "notice": str(filled["notice"]),
        "oral": str(filled["oral"]),
        "talk": str(filled["talk"]),
        "mailbox": str(filled["opening"]),
        "daily-log": "2026-03-10",
        "monthly-report": "2026-03",
        "register": "2026-03-10",
    }
    for kind, key in keys.items():
        data = render_pdf(store, kind, key)
        assert unembedded_fonts(data) == set(), kind
        for page in page_lines(data):
            for ln in page:
                if is_page_number(ln):
                    continue
                assert ln.x0 / MM >= 28 - 0.1 and ln.x1 / MM <= 28 + 156 + 0.2, (kind, ln.text)
                assert ln.top / MM >= 37 - 0.1 and ln.bottom / MM <= 37 + 225 + 0.1, (kind, ln.text)


def test_monthly_report_in_time(store: Store, filled: dict[str, uuid.UUID]) -> None:
    from inspector.store.repository import today_local

    today = today_local()
    current = pdf_text(build_monthly_report(load_monthly_report(store, today.year, today.month)))
    assert f"截至{format_date(today)}" in current  # not the month's end while it runs
    signed = f"七星关区看守所检察室{format_date(today)}—"  # the signature, then the page number
    assert signed in current and "年月日" not in current  # the report's own date
    past = pdf_text(build_monthly_report(load_monthly_report(store, 2026, 3)))
    assert "截至2026年3月31日" in past and "现将2026年3月派驻检察工作情况报告如下" in past
    assert signed in past  # a draft: counted and dated today
    nxt = date(today.year + (today.month == 12), today.month % 12 + 1, 1)
    with pytest.raises(InspectorError, match="尚未到来"):
        load_monthly_report(store, nxt.year, nxt.month)


def test_overdue_custody_notice_relies_on_arts_618_619() -> None:
    for given in (None, "《人民检察院刑事诉讼规则》第五百五十二条、第六百二十四条"):
        text = pdf_text(build_notice(notice_doc(trigger="overdue_custody", basis_provision=given)))
        assert "根据《人民检察院刑事诉讼规则》第六百一十八条、第六百一十九条的规定" in text
        assert "第五百五十二条" not in text
    general = pdf_text(build_notice(notice_doc(trigger="serious_violation", basis_provision=None)))
    assert "第六百一十八条" not in general
