"""Life-cycle steps of a 纠正违法通知书 / 检察建议书, and corrections raised from a finding.

Each step (:data:`inspector.domain.lifecycle.ACTIONS`) is one transaction: the state allows it, the
actor may do it (only a procurator signs), the step's fields are given, the record is at the version
the page showed; then the values are written and the step goes into the audit chain with who did it.
签发 takes the next 文号 from this laptop's number block in the same transaction; 登记送达 stores the
reply due the rules engine computes. 核实整改 as 已整改 closes the document and, in the same transaction,
resolves its findings and records the oral correction a notice escalated as corrected (through the
notice), so that it no longer reads 未纠正 (docs/domain.md, "An oral correction's state").
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.documents.numbering import NOTICE, SUGGESTION, issue_number, numbering_settings
from inspector.documents.official import GENERAL_NOTICE_BASIS
from inspector.documents.rules_bridge import (
    holiday_calendar,
    notice_reply_due_of,
    rule_settings,
    suggestion_reply_due_of,
)
from inspector.documents.text import ensure_period
from inspector.domain import lifecycle
from inspector.domain.catalogue import label
from inspector.domain.enums import CorrectionStatus, DocumentState, ServiceMethod
from inspector.domain.errors import FieldError, InspectorError, ValidationError
from inspector.domain.validation import is_empty
from inspector.rules.deadlines import oral_follow_up_due
from inspector.services.policy import Actor, Permission, require
from inspector.services.records import (
    EditState,
    Saved,
    _check_version,
    _live,
    apply_update,
    load_for_edit,
    version_of,
)
from inspector.store.models import Finding, OralCorrection, Station
from inspector.store.repository import today_local
from inspector.store.store import Store

__all__ = ["escalate_oral", "follow_up_due_for", "raise_from_finding", "step"]

DOC_KINDS = (NOTICE, SUGGESTION)
DEFAULT_BASIS = GENERAL_NOTICE_BASIS

_STEP_FIELD_LABELS = {
    "on": "日期",
    "upheld": "复查决定",
    "outcome": "整改情况",
    "how": "督促方式",
    "to": "上报单位",
}


def _need(kind: str, action: lifecycle.Action, values: Mapping[str, Any]) -> None:
    missing = [n for n in action.needs if values.get(n) is not False and is_empty(values.get(n))]
    if missing:
        raise ValidationError(
            kind,
            [
                FieldError(
                    n,
                    f"{action.label}需要填写{_STEP_FIELD_LABELS.get(n) or label(kind, n)}",
                    f"{n} is required",
                )
                for n in missing
            ],
        )


def step(
    store: Store,
    kind: str,
    record_id: uuid.UUID,
    action_name: str,
    values: Mapping[str, Any],
    base_version: str | None,
    actor: Actor,
) -> Saved:
    """Take one life-cycle step; ``values`` holds what the step asks for (see ``Action.needs``)."""
    if kind not in DOC_KINDS:
        raise InspectorError(f"{kind}没有文书流程", f"{kind} has no document life cycle")
    action = lifecycle.ACTIONS.get(action_name)
    require(actor, Permission.SIGN if action is not None and action.signs else Permission.EDIT)
    with store.session() as s:
        doc = _live(s, kind, record_id)
        _check_version(kind, doc, base_version, {})
        action = lifecycle.check(action_name, doc.state, outcome=values.get("outcome"))
        _need(kind, action, values)
        changes = _STEPS[action_name](s, kind, doc, dict(values))
        apply_update(s, kind, doc, changes, actor, action=action_name[:32], detail={"step": action.label})
        if action_name == "verify" and changes.get("state") == DocumentState.CLOSED:
            _resolve_findings(s, kind, doc.id, values["on"], actor)
            if kind == NOTICE and doc.oral_correction_id is not None:
                _oral_corrected_by(s, doc, values["on"], values.get("note"), actor)
        s.flush()
        return Saved(doc.id, version_of(doc), [])


# ---- the steps: each returns the changes it makes ------------------------------------------------


def _sign(s: Session, kind: str, doc: Any, v: dict[str, Any]) -> dict[str, Any]:
    issued: date = v["issued_on"]
    seq = issue_number(s, kind, issued.year)
    number = numbering_settings(s, doc.station_id).format(kind, issued.year, seq)
    return {
        "approved_by": str(v["approved_by"]).strip(),
        "approved_on": v.get("approved_on") or issued,
        "issued_on": issued,
        "doc_year": issued.year,
        "doc_seq": seq,
        "doc_number": number,
        "state": DocumentState.ISSUED.value,
    }


def _withdraw(s: Session, kind: str, doc: Any, v: dict[str, Any]) -> dict[str, Any]:
    return {"state": DocumentState.WITHDRAWN.value}


def _serve(s: Session, kind: str, doc: Any, v: dict[str, Any]) -> dict[str, Any]:
    served: date = v["served_on"]
    if v["service_method"] not in ServiceMethod.values():
        raise ValidationError(kind, [FieldError("service_method", "送达方式无效", "invalid service method")])
    settings, calendar = rule_settings(s, doc.station_id), holiday_calendar(s)
    if kind == NOTICE:
        due = notice_reply_due_of(None, doc.issued_on, served, doc.reply_period_days, settings, calendar)
    else:
        due = suggestion_reply_due_of(None, served, doc.reply_period_months, settings, calendar)
    return {
        "served_on": served,
        "service_method": v["service_method"],
        "receiver_name": str(v["receiver_name"]).strip(),
        "reply_due": due,
        "state": DocumentState.SERVED.value,
    }


def _follow_up(s: Session, kind: str, doc: Any, v: dict[str, Any]) -> dict[str, Any]:
    on: date = v["on"]
    entry = {"on": on.isoformat(), "how": v.get("how") or "当面督促", "note": v.get("note") or ""}
    return {"follow_ups": [*(doc.follow_ups or []), entry], "state": DocumentState.FOLLOWED_UP.value}


def _reply(s: Session, kind: str, doc: Any, v: dict[str, Any]) -> dict[str, Any]:
    changes: dict[str, Any] = {
        "replied_on": v["replied_on"],
        "reply_text": str(v["reply_text"]).strip(),
        "state": DocumentState.REPLIED.value,
    }
    if "adopted" in v:
        changes["adopted"] = v["adopted"]
    return changes


def _verify(s: Session, kind: str, doc: Any, v: dict[str, Any]) -> dict[str, Any]:
    outcome = v["outcome"]
    corrected = outcome == CorrectionStatus.CORRECTED
    changes: dict[str, Any] = {
        "state": DocumentState.CLOSED.value if corrected else DocumentState.REPLIED.value
    }
    if kind == NOTICE:
        changes["correction_status"] = outcome
        if v.get("note"):  # how it was verified, kept with the record's 督促 / 核实 history
            entry = {"on": v["on"].isoformat(), "how": lifecycle.VERIFY_HOW, "note": str(v["note"]).strip()}
            changes["follow_ups"] = [*(doc.follow_ups or []), entry]
    else:
        changes["adopted"] = corrected
        if v.get("note"):
            changes["effect_evaluation"] = v["note"]
    return changes


def _report_upward(s: Session, kind: str, doc: Any, v: dict[str, Any]) -> dict[str, Any]:
    on: date = v["on"]
    if doc.state == DocumentState.REPLIED:
        corrected = doc.correction_status if kind == NOTICE else ("corrected" if doc.adopted else None)
        if corrected not in (CorrectionStatus.NOT_CORRECTED, CorrectionStatus.PARTLY, None) or (
            kind == NOTICE and corrected is None
        ):
            raise lifecycle.LifecycleError(
                "已回复的文书，须先核实为未整改或部分整改，才能上报",
                "a replied document is reported upward only after it was verified as not corrected",
            )
    elif doc.reply_due is not None and doc.reply_due >= on:
        raise lifecycle.LifecycleError(
            f"回复期限（{doc.reply_due:%Y年%m月%d日}）未届满，不能以逾期未回复上报",
            f"the reply is not overdue before {doc.reply_due}",
        )
    if kind == NOTICE:
        return {"reported_upward_on": on, "state": DocumentState.REPORTED_UPWARD.value}
    higher = s.scalar(select(Station.higher_procuratorate).where(Station.id == doc.station_id))
    return {
        "escalated_on": on,
        "escalated_to": v.get("to") or higher or "上一级人民检察院",
        "state": DocumentState.REPORTED_UPWARD.value,
    }


def _request_review(s: Session, kind: str, doc: Any, v: dict[str, Any]) -> dict[str, Any]:
    if kind != NOTICE:
        raise lifecycle.LifecycleError("检察建议书没有复查程序", "only a notice can be reviewed")
    return {"review_requested_on": v["on"], "state": DocumentState.REVIEW_REQUESTED.value}


def _decide_review(s: Session, kind: str, doc: Any, v: dict[str, Any]) -> dict[str, Any]:
    upheld = v["upheld"] is True or v["upheld"] == "upheld"
    result = str(
        v.get("note") or ("经复查，维持原纠正意见" if upheld else "经复查，决定撤回本通知书")
    ).strip()
    return {
        "review_decided_on": v["on"],
        "review_result": result,
        "state": DocumentState.SERVED.value if upheld else DocumentState.WITHDRAWN.value,
    }


_STEPS = {
    "sign": _sign,
    "withdraw": _withdraw,
    "serve": _serve,
    "follow_up": _follow_up,
    "reply": _reply,
    "verify": _verify,
    "report_upward": _report_upward,
    "request_review": _request_review,
    "decide_review": _decide_review,
}


def _resolve_findings(s: Session, kind: str, doc_id: uuid.UUID, on: date, actor: Actor) -> None:
    column = Finding.rectification_notice_id if kind == NOTICE else Finding.procuratorial_suggestion_id
    for finding in s.scalars(select(Finding).where(column == doc_id, Finding.deleted_at.is_(None))):
        if finding.resolved_on is None:
            apply_update(s, "finding", finding, {"resolved_on": on}, actor)


def _oral_corrected_by(s: Session, notice: Any, on: date, note: object, actor: Actor) -> None:
    """The oral correction a notice escalated, corrected on ``on``: the notice was verified 已整改."""
    oral = s.get(OralCorrection, notice.oral_correction_id)
    if oral is None or oral.deleted_at is not None or oral.corrected:
        return
    number = f"（{notice.doc_number}）" if notice.doc_number else ""
    how = f"经纠正违法通知书{number}督促整改，核实整改到位"
    if isinstance(note, str) and note.strip():
        how += f"：{note.strip()}"
    changes = {"corrected": True, "corrected_on": max(on, oral.issued_on), "verified_how": how}
    detail = {"step": "核实整改", "notice": notice.id.hex}
    apply_update(s, "oral_correction", oral, changes, actor, detail=detail)


# ---- prefilled new records ------------------------------------------------------------------------


def follow_up_due_for(store: Store, issued_on: date) -> date:
    """The 7-day follow-up date of an oral correction issued on ``issued_on`` (station settings apply)."""
    with store.session(read_only=True) as s:
        return oral_follow_up_due(issued_on, rule_settings(s, store.station_id), holiday_calendar(s)).due


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def escalate_oral(store: Store, oral_id: uuid.UUID, actor: Actor) -> EditState:
    """A new 纠正违法通知书 prefilled from an oral correction that was not corrected in time."""
    with store.session(read_only=True) as s:
        oral = s.get(OralCorrection, oral_id)
        if oral is None or oral.deleted_at is not None:
            raise InspectorError("找不到该口头纠正记录", f"no oral correction {oral_id}")
        if oral.corrected:
            raise InspectorError(
                "该口头纠正意见已纠正，无需制发纠正违法通知书", "the oral correction was corrected"
            )
        finding = s.scalar(select(Finding).where(Finding.oral_correction_id == oral_id).limit(1))
    found_on = finding.found_on if finding is not None else oral.issued_on
    base = load_for_edit(store, NOTICE, actor=actor)
    values = dict(base.values)
    values.update(
        trigger="oral_not_corrected",
        addressee=oral.addressee_unit or values.get("addressee"),
        # The printed notice reads "{discovery}…发现，{facts}": the lead says when and in which work it
        # was found; the facts end with the oral correction that went unheeded.
        discovery=f"本院驻所检察室于{_cn_date(found_on)}在{_source_words(oral.source)}中发现",
        facts=f"{ensure_period(oral.facts)}\n本院驻所检察室已于{_cn_date(oral.issued_on)}当面向你所"
        "提出口头纠正意见，你所至今未予纠正。",
        violated_provision=oral.legal_basis,
        basis_provision=values.get("basis_provision") or DEFAULT_BASIS,
    )
    if finding is not None and finding.detainee_ids:
        values["detainee_id"] = uuid.UUID(str(finding.detainee_ids[0]))
    links = {"oral_correction_id": oral_id}
    if finding is not None:
        links["from_finding"] = finding.id
    return EditState(NOTICE, None, values, None, [], links)


_TRIGGER_BY_SEVERITY = {"major_incident": "major_incident"}


def raise_from_finding(store: Store, finding_id: uuid.UUID, kind: str, actor: Actor) -> EditState:
    """A new oral correction, notice or suggestion prefilled from a finding (facts, place, detainee,
    source, a basis to start from); saving it with ``from_finding`` links the finding to it."""
    with store.session(read_only=True) as s:
        finding = s.get(Finding, finding_id)
        if finding is None or finding.deleted_at is not None:
            raise InspectorError("找不到该问题记录", f"no finding {finding_id}")
    base = load_for_edit(store, kind, actor=actor)
    values = dict(base.values)
    place = f"在{finding.location}" if finding.location else ""
    facts = (
        finding.description
        if not finding.location or finding.location in finding.description
        else f"{place}，{finding.description}"
    )
    person = uuid.UUID(str(finding.detainee_ids[0])) if finding.detainee_ids else None
    if kind == "oral_correction":
        values.update(issued_on=today_local(), source=finding.source, facts=facts)
        values["follow_up_due"] = follow_up_due_for(store, values["issued_on"])
    elif kind == NOTICE:
        values.update(
            trigger=_TRIGGER_BY_SEVERITY.get(finding.severity, "serious_violation"),
            discovery=f"本院驻所检察室于{_cn_date(finding.found_on)}在{_source_words(finding.source)}中发现",
            facts=facts,
            basis_provision=values.get("basis_provision") or DEFAULT_BASIS,
            detainee_id=person,
        )
    elif kind == SUGGESTION:
        values.update(
            case_source=f"本院驻所检察室于{_cn_date(finding.found_on)}在{_source_words(finding.source)}中发现",
            facts_found=facts,
        )
    else:
        raise InspectorError(f"不能从问题制发{kind}", f"cannot raise {kind} from a finding")
    return EditState(kind, None, values, None, [], {"from_finding": finding_id})


def _source_words(source: str) -> str:
    return {"patrol": "巡视检察", "talk": "个别谈话", "mailbox": "检察官信箱来信审查", "video": "调看监控",
            "ledger": "台账审查"}.get(source, "日常检察")  # fmt: skip
