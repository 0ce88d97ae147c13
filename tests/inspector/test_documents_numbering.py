"""文号: format, number blocks, signing in one transaction, never reused, two signers at once."""

from __future__ import annotations

import threading
import uuid
from datetime import date
from typing import Any

import pytest
from sqlalchemy import delete, select

from inspector.documents.numbering import (
    NOTICE,
    SUGGESTION,
    NumbersExhaustedError,
    format_doc_number,
    grant_local_block,
    issue_number,
    sign_document,
)
from inspector.domain.errors import InspectorError
from inspector.store.models import (
    NumberBlock,
    ProcuratorialSuggestion,
    RectificationNotice,
    StationSetting,
    SyncOutbox,
)
from inspector.store.store import Store

YEAR = date.today().year  # signing defaults to today; blocks are per year


@pytest.fixture(autouse=True)
def no_initial_blocks(store: Store) -> None:
    """``init`` grants a local block of 100 per type; these tests lay out their own blocks."""
    with store.session() as s:
        s.execute(delete(NumberBlock))


def test_init_grants_a_local_block_per_type(tmp_path: Any) -> None:
    from inspector.station_setup import FirstUser, initialise
    from tests.conftest import STATION

    with initialise(tmp_path / "fresh", STATION, FirstUser("li", "李检察官", "secret-pass-2")) as fresh:
        assert issue_number_in(fresh, NOTICE) == 1
        assert issue_number_in(fresh, SUGGESTION) == 1


def issue_number_in(store: Store, doc_type: str) -> int:
    with store.session() as s:
        return issue_number(s, doc_type, YEAR)


def add_notice(store: Store, **extra: Any) -> uuid.UUID:
    values = {
        "issuer_name": "毕节市七星关区人民检察院",
        "addressee": "毕节市七星关区看守所",
        "trigger": "serious_violation",
        "facts": "违规使用械具。",
        **extra,
    }
    return store.repo(RectificationNotice).add(values).id


def grant(store: Store, doc_type: str = NOTICE, first: int = 1, size: int = 10, year: int = YEAR) -> None:
    with store.session() as s:
        grant_local_block(s, doc_type, year, first, size)


def test_format_follows_the_procuratorial_pattern() -> None:
    assert format_doc_number(None, "七", "纠违", 2026, 3) == "七检刑执纠违〔2026〕3号"
    assert format_doc_number(None, "七", "建", 2026, 12, dept="刑执") == "七检刑执建〔2026〕12号"
    assert (
        format_doc_number("{agency}检{type}〔{year}〕{n}号", "毕", "纠违", 2026, 1) == "毕检纠违〔2026〕1号"
    )
    with pytest.raises(ValueError):
        format_doc_number(None, "七", "纠违", 26, 3)  # 〔26〕 is wrong: four-digit year
    with pytest.raises(ValueError):
        format_doc_number(None, "七", "纠违", 2026, 0)


def test_numbers_come_from_the_block_in_order_and_stop_at_its_end(store: Store) -> None:
    grant(store, first=5, size=3)
    with store.session() as s:
        assert [issue_number(s, NOTICE, YEAR) for _ in range(3)] == [5, 6, 7]
    with store.session() as s, pytest.raises(NumbersExhaustedError) as exc:
        issue_number(s, NOTICE, YEAR)
    assert f"本机{YEAR}年纠正违法通知书文号已用完，请联网同步以领取新的文号段" in exc.value.message_zh
    assert "sync with the office" in exc.value.message_en
    with store.session() as s, pytest.raises(NumbersExhaustedError):
        issue_number(s, SUGGESTION, YEAR)  # no block for suggestions at all


def test_a_rolled_back_transaction_gives_its_number_back(store: Store) -> None:
    grant(store)
    with pytest.raises(RuntimeError), store.session() as s:
        assert issue_number(s, NOTICE, YEAR) == 1
        raise RuntimeError("the signature failed")
    with store.session() as s:
        assert issue_number(s, NOTICE, YEAR) == 1


def test_next_block_is_used_when_the_first_is_spent(store: Store) -> None:
    grant(store, first=1, size=1)
    grant(store, first=101, size=2)
    with store.session() as s:
        assert [issue_number(s, NOTICE, YEAR) for _ in range(3)] == [1, 101, 102]


def test_office_leases_are_used_before_local_blocks(store: Store) -> None:
    grant(store, first=1, size=5)
    with store.session() as s:
        grant_local_block(s, NOTICE, YEAR, 101, 2, source="office")
    with store.session() as s:
        assert [issue_number(s, NOTICE, YEAR) for _ in range(3)] == [101, 102, 1]


def test_overlapping_blocks_are_refused(store: Store) -> None:
    grant(store, first=1, size=10)
    with pytest.raises(InspectorError, match="重叠"):
        grant(store, first=10, size=5)
    grant(store, first=1, size=10, year=YEAR + 1)  # another year is another sequence


def test_sign_numbers_and_issues_in_one_transaction(store: Store) -> None:
    grant(store)
    notice_id = add_notice(store)
    with store.session() as s:
        before = s.scalar(select(SyncOutbox.seq).order_by(SyncOutbox.seq.desc()).limit(1))
    number = sign_document(
        store, NOTICE, notice_id, "李检察长", date(2026, 3, 11), issued_on=date(YEAR, 3, 12)
    )
    assert number == f"七检刑执纠违〔{YEAR}〕1号"
    got = store.repo(RectificationNotice).require(notice_id)
    assert (got.doc_year, got.doc_seq, got.doc_number) == (YEAR, 1, number)
    assert got.state == "issued" and got.issued_on == date(YEAR, 3, 12)
    assert got.approved_by == "李检察长" and got.approved_on == date(2026, 3, 11)
    with store.session() as s:
        ops = s.execute(
            select(SyncOutbox.table_name, SyncOutbox.row_id, SyncOutbox.op).where(SyncOutbox.seq > before)
        ).all()
    assert ("rectification_notice", notice_id, "update") in [tuple(o) for o in ops]


def test_signing_twice_is_refused_and_keeps_the_number(store: Store) -> None:
    grant(store)
    notice_id = add_notice(store)
    sign_document(store, NOTICE, notice_id, "李检察长", date(YEAR, 1, 5), issued_on=date(YEAR, 1, 5))
    with pytest.raises(InspectorError, match="已签发"):
        sign_document(store, NOTICE, notice_id, "李检察长", date(YEAR, 1, 5), issued_on=date(YEAR, 1, 5))
    with store.session() as s:
        block = s.scalar(select(NumberBlock))
        assert block is not None and block.next_seq == 2  # the refused attempt consumed nothing


def test_numbers_are_never_reused_after_a_deleted_document(store: Store) -> None:
    grant(store)
    first = add_notice(store)
    sign_document(store, NOTICE, first, "李检察长", date(YEAR, 1, 5), issued_on=date(YEAR, 1, 5))
    store.repo(RectificationNotice).soft_delete(first)
    second = add_notice(store)
    number = sign_document(store, NOTICE, second, "李检察长", date(YEAR, 1, 6), issued_on=date(YEAR, 1, 6))
    assert number.endswith("〕2号")


def test_station_settings_change_the_pattern(store: Store) -> None:
    store.repo(StationSetting).add({"key": "doc_dept_code", "value": "刑检"})
    grant(store, SUGGESTION)
    sid = (
        store.repo(ProcuratorialSuggestion)
        .add(
            {
                "issuer_name": "毕节市七星关区人民检察院",
                "addressee": "毕节市七星关区看守所",
                "facts_found": "监控存在盲区。",
            }
        )
        .id
    )
    number = sign_document(store, SUGGESTION, sid, "李检察长", date(YEAR, 2, 1), issued_on=date(YEAR, 2, 1))
    assert number == f"七检刑检建〔{YEAR}〕1号"


def test_two_signers_at_once_never_share_a_number(store: Store) -> None:
    grant(store, size=50)
    ids = [add_notice(store) for _ in range(10)]
    barrier = threading.Barrier(2)
    numbers: list[str] = []
    errors: list[BaseException] = []

    def signer(mine: list[uuid.UUID]) -> None:
        try:
            barrier.wait()
            for notice_id in mine:
                numbers.append(
                    sign_document(
                        store, NOTICE, notice_id, "李检察长", date(YEAR, 1, 5), issued_on=date(YEAR, 1, 5)
                    )
                )
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=signer, args=(ids[i::2],)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors
    assert len(numbers) == 10 and len(set(numbers)) == 10
    seqs = sorted(store.repo(RectificationNotice).require(i).doc_seq or 0 for i in ids)
    assert seqs == list(range(1, 11))
