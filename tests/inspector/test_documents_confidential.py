"""Confidential sources (issue #12, item 10): the masking follows the person wherever they appear in a
document for the detention centre, and the centre's copy of the mailbox register carries nothing that
points at a confidential writer. Read back from the PDFs' text (pdfplumber)."""

from __future__ import annotations

import uuid
from datetime import date

from inspector.documents.loaders import load_mailbox, load_notice, load_oral_correction, load_suggestion
from inspector.documents.official import build_notice, build_suggestion
from inspector.documents.records import build_mailbox_register, build_oral_correction
from inspector.store.models import (
    Detainee,
    Finding,
    MailboxLetter,
    MailboxOpening,
    OralCorrection,
    ProcuratorialSuggestion,
    RectificationNotice,
    Talk,
)
from inspector.store.store import Store
from tests.conftest import aware, detainee_values
from tests.inspector.test_documents_builders import DAY, filled, user_id  # noqa: F401 - fixtures
from tests.inspector.test_documents_support import pdf_text


def _writer(store: Store, name: str, *, accepted_on: date = DAY, cell: str = "108") -> uuid.UUID:
    """A detainee who wrote a confidential 控告 letter (linked to no finding)."""
    person = store.repo(Detainee).add(detainee_values(name=name, cell=cell, block="三监区"))
    opening = store.repo(MailboxOpening).add(
        {"opened_at": aware(2026, 3, 9, 1), "letter_count": 1, "opener_ids": [user_id(store)]}
    )
    store.repo(MailboxLetter).add(
        {
            "opening_id": opening.id,
            "serial_no": 7,
            "detainee_id": person.id,
            "category": "accusation",
            "subject": "控告管教民警体罚",
            "accepted_on": accepted_on,
            "confidential": True,
        }
    )
    return person.id


def _notice(store: Store, detainee_id: uuid.UUID | None, facts: str, **extra: object) -> uuid.UUID:
    values = {
        "issuer_name": "毕节市七星关区人民检察院",
        "addressee": "毕节市七星关区看守所",
        "trigger": "serious_violation",
        "detainee_id": detainee_id,
        "discovery": "2026年3月10日巡视检察",
        "facts": facts,
        "violated_provision": "《中华人民共和国看守所条例》第十七条",
        "issued_on": DAY,
        **extra,
    }
    return store.repo(RectificationNotice).add(values).id


def test_a_notices_own_detainee_who_wrote_a_confidential_letter_is_never_named(store: Store) -> None:
    wang = _writer(store, "王五")
    nid = _notice(
        store,
        wang,
        "在押人员王五于3月8日被管教民警用手铐铐在床头，王五要求就医未获准许。",
        correction_requests="对王五的伤情立即组织检查\n追究有关民警责任",
        copy_to=["毕节市人民检察院"],
    )
    text = pdf_text(build_notice(load_notice(store, nid)))
    assert "王五" not in text
    assert "在押人员甲于3月8日被管教民警用手铐铐在床头，在押人员甲要求就医未获准许" in text
    assert "对在押人员甲的伤情立即组织检查" in text  # free text of every field, not only the facts


def test_a_person_named_on_a_finding_who_spoke_in_confidence_is_masked(store: Store) -> None:
    li = store.repo(Detainee).add(detainee_values(name="李四", cell="205"))
    store.repo(Talk).add(
        {
            "talk_at": aware(2026, 3, 9, 6),
            "detainee_id": li.id,
            "detainee_snapshot": {"name": "李肆", "cell": "205"},  # written as he gave it at the talk
            "talk_type": "complainant",
            "interviewer_ids": [user_id(store)],
            "qa_text": "问：有什么情况？\n答：有人被打。",
            "confidential": True,
        }
    )
    oral = store.repo(OralCorrection).add(
        {
            "issued_on": DAY,
            "issuer_ids": [user_id(store)],
            "addressee_unit": "毕节市七星关区看守所",
            "source": "patrol",
            "facts": "205监室李四（又名李肆）床铺被他人占用，值班民警未予处理。",
        }
    )
    suggestion = store.repo(ProcuratorialSuggestion).add(
        {
            "issuer_name": "毕节市七星关区人民检察院",
            "addressee": "毕节市七星关区看守所",
            "facts_found": "205监室在押人员李四反映的床铺被占用问题长期未解决，监室管理松弛",
            "recommendations": ["加强监室管理"],
            "issued_on": DAY,
        }
    )
    store.repo(Finding).add(
        {
            "found_on": DAY,
            "description": "床铺被占用",
            "severity": "flaw",
            "source": "patrol",  # found on patrol: no link to the talk, only the person
            "detainee_ids": [str(li.id)],
            "oral_correction_id": oral.id,
            "procuratorial_suggestion_id": suggestion.id,
        }
    )
    oral_text = pdf_text(build_oral_correction(load_oral_correction(store, oral.id)))
    assert "李四" not in oral_text and "李肆" not in oral_text
    assert "205监室在押人员甲（又名在押人员甲）" in oral_text  # one person, one pseudonym
    sugg_text = pdf_text(build_suggestion(load_suggestion(store, suggestion.id)))
    assert "李四" not in sugg_text and "205监室在押人员甲反映的床铺被占用问题" in sugg_text


def test_a_letter_received_after_the_notice_is_not_its_source(store: Store) -> None:
    zhao = _writer(store, "赵六", accepted_on=date(2026, 3, 20))
    nid = _notice(store, zhao, "在押人员赵六于3月8日被违规使用械具。")
    assert "赵六于3月8日" in pdf_text(build_notice(load_notice(store, nid)))


def test_an_overdue_custody_notice_names_its_detainee(store: Store) -> None:
    """It is about their custody and goes to the 办案机关, whatever they reported in confidence."""
    sun = _writer(store, "孙七")
    nid = _notice(
        store,
        sun,
        "在押人员孙七侦查羁押期限已于2026年3月1日届满，至今仍羁押，属超期羁押。",
        trigger="overdue_custody",
        addressee="毕节市公安局七星关分局",
    )
    assert "在押人员孙七侦查羁押期限" in pdf_text(build_notice(load_notice(store, nid)))


def test_the_centres_copy_of_the_mailbox_register_points_at_no_confidential_writer(
    store: Store,
    filled: dict[str, uuid.UUID],  # noqa: F811 - the fixture imported above
) -> None:
    store.repo(MailboxOpening).update(
        filled["opening"], {"has_valuable_lead": True, "lead_summary": "张三反映一监区夜间有人殴打"}
    )
    internal = pdf_text(build_mailbox_register(load_mailbox(store, filled["opening"])))
    assert "反映同监室" in internal and "人员被殴打" in internal and "控告" in internal
    assert "张三反映一监区夜间有人殴打" in internal
    centre = pdf_text(
        build_mailbox_register(load_mailbox(store, filled["opening"], for_detention_center=True))
    )
    assert "张三" not in centre
    assert "保密来信（在押人员甲），内容不向看守所提供" in centre
    # not its 监区, category, subject, handling or date: together they narrow it down to a few people
    assert "反映同监室" not in centre and "殴打" not in centre and "控告" not in centre
    assert centre.count("2026.3.10") == 1  # the other letter's acceptance date only
    assert centre.count("一监区") == 1  # the mailbox's location, not the letter's row
    assert "有（内容不向看守所提供）" in centre and "夜间有人殴打" not in centre
    assert "王喆" in centre and "咨询取保候审" in centre  # an ordinary letter is listed as it is
