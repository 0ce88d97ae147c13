"""The demo's findings, oral corrections, notices and suggestions cite the provision that governs each
kind of finding (docs/domain.md, "Findings and the provisions they cite")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import keyring
import pytest
from sqlalchemy import select

from inspector.security.memory_keyring import MemoryKeyring
from inspector.store.models import (
    OralCorrection,
    ProcuratorialSuggestion,
    RectificationNotice,
    SupervisionLead,
)
from tests.inspector.test_demo import Demo, make_demo

# A phrase of the finding → the provision it breaches (None: no statute governs it), from the domain
# reference's checklist hooks. Every oral correction's facts must match exactly one phrase.
PROVISIONS: dict[str, str | None] = {
    "未按规定巡查": "《看守所条例》第十六条",
    "监控画面缺失": "《看守所条例》第十六条",
    "械具": "《看守所条例》第十七条",
    "食品留样": "《看守所条例》第二十二条",
    "个人账户": "《看守所条例》第三十四条",
    "钱款未及时入账": "《看守所条例》第三十四条",
    "自制刀片": None,
    "药品出入库": "《看守所条例》第二十六条",
    "药品供应": "《看守所条例》第二十六条",
    "入所体检": "《人民检察院刑事诉讼规则》第六百五十六条",
    "值星员": None,
    "律师会见": "《中华人民共和国刑事诉讼法》第三十九条",
    "申诉材料": "《看守所条例》第四十六条",
    "放风": "《看守所条例》第二十五条",
    "换押": "《看守所条例》第十五条",
    "留所服刑罪犯与未决": "《看守所留所执行刑罚罪犯管理办法》第三条",
    "抢占其饭菜": None,
    "索要财物": None,
    # pre-holiday inspection hazards (fire safety, perimeter alarms, contraband): no statute named
    "灭火器": None,
    "报警装置": None,
    "私藏药品": None,
    "管理薄弱环节": None,
}
INCIDENT = "《人民检察院刑事诉讼规则》第六百六十二条"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    d = make_demo(tmp_path_factory.mktemp("demo") / "data")
    try:
        yield d
    finally:
        d.store.close()
        keyring.set_keyring(before)


def _all(demo: Demo, model: Any) -> list[Any]:
    with demo.store.session(read_only=True) as s:
        rows = list(s.scalars(select(model).where(model.deleted_at.is_(None))))
        s.expunge_all()
        return rows


def _expected(facts: str) -> str | None:
    found = [phrase for phrase in PROVISIONS if phrase in facts]
    assert len(found) == 1, (facts, found)
    return PROVISIONS[found[0]]


def test_oral_corrections_cite_the_provision_of_their_finding(demo: Demo) -> None:
    orals = _all(demo, OralCorrection)
    leads = {lead.oral_correction_id: lead for lead in _all(demo, SupervisionLead) if lead.oral_correction_id}
    cited: set[str | None] = set()
    for oral in orals:
        if oral.legal_basis == INCIDENT:  # raised in an incident's inspection
            continue
        if oral.source == "ledger":  # raised from a verified supervision lead: the lead's rule's basis
            assert oral.legal_basis == leads[oral.id].legal_basis and oral.facts == leads[oral.id].facts
            continue
        if oral.source in ("mailbox",):  # a letter's allegation, before it is verified: no provision
            assert oral.legal_basis is None, oral.facts
            continue
        assert oral.legal_basis == _expected(oral.facts), oral.facts
        cited.add(oral.legal_basis)
    assert len(cited - {None}) >= 3  # several kinds of finding, each with its own provision


def test_a_notice_for_an_uncorrected_oral_correction_names_that_findings_provision(demo: Demo) -> None:
    orals = {o.id: o for o in _all(demo, OralCorrection)}
    notices = [n for n in _all(demo, RectificationNotice) if n.trigger == "oral_not_corrected"]
    assert notices
    for notice in notices:
        oral = orals[notice.oral_correction_id]
        assert notice.violated_provision == oral.legal_basis == _expected(oral.facts), notice.facts
        assert notice.basis_provision == "《人民检察院刑事诉讼规则》第五百五十二条、第六百二十四条"


def test_overdue_custody_and_suggestions_cite_their_own_basis(demo: Demo) -> None:
    notices = _all(demo, RectificationNotice)
    overdue = [n for n in notices if n.trigger == "overdue_custody"]
    for n in overdue:
        assert n.violated_provision == "《中华人民共和国刑事诉讼法》第一百五十六条"
        assert n.basis_provision == "《人民检察院刑事诉讼规则》第六百一十八条、第六百一十九条"
    for n in notices:
        if n.trigger in ("serious_violation", "major_incident"):
            assert n.violated_provision and n.violated_provision.startswith("《看守所条例》"), n.facts
    suggestions = _all(demo, ProcuratorialSuggestion)
    assert suggestions
    assert {s.legal_basis for s in suggestions} == {"《人民检察院刑事诉讼规则》第六百二十四条"}
