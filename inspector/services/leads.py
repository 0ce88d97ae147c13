"""Supervision leads (监督线索): scanning, working them, and turning a verified one into a finding, an
oral correction or a notice.

* :func:`scan` runs the rules (:mod:`inspector.services.lead_rules`) over the register and the
  imported ledgers and keeps each new lead (待核实). A lead is identified by its ``key`` (rule, person,
  the date in question): scanning again never opens a second lead for something already kept, open
  or closed — an excluded lead stays excluded.
* :func:`set_status` moves a lead 待核实 → 核实中 → 已核实 / 已排除 (排除 needs a reason), recording who
  and when, audited.
* :func:`raise_from_lead` turns a verified lead, in one step and one transaction, into a finding
  (source 台账审查, the lead's facts, the people) and — when asked — the oral correction or the
  纠正违法通知书 raised from it, prefilled the way a correction raised from a finding is
  (:func:`inspector.services.documents.raise_from_finding`); the lead links to what it became.
  :func:`prefill` gives the same values without saving, for a form the person checks first.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.documents.numbering import NOTICE
from inspector.domain import enums as e
from inspector.domain.errors import FieldError, InspectorError, ValidationError
from inspector.services import records
from inspector.services.documents import follow_up_due_for
from inspector.services.lead_rules import HANDOVER_DAYS, scan_all
from inspector.services.ledger_import import insert_row, label_of
from inspector.services.policy import Actor, Permission, require
from inspector.store.models import SupervisionLead
from inspector.store.repository import today_local
from inspector.store.store import Store
from inspector.store.types import utc_now

__all__ = [
    "RAISE_KINDS",
    "TRANSITIONS",
    "LeadError",
    "ScanResult",
    "counts",
    "list_leads",
    "prefill",
    "raise_from_lead",
    "scan",
    "set_status",
]

S = e.LeadStatus
OPEN = (S.PENDING.value, S.CHECKING.value)
TRANSITIONS: dict[str, frozenset[str]] = {
    S.PENDING.value: frozenset({S.CHECKING.value, S.EXCLUDED.value}),
    S.CHECKING.value: frozenset({S.VERIFIED.value, S.EXCLUDED.value, S.PENDING.value}),
    S.VERIFIED.value: frozenset(),
    S.EXCLUDED.value: frozenset({S.CHECKING.value}),  # reopened when new facts come up
}
RAISE_KINDS = ("finding", "oral_correction", NOTICE)
# The notice's 制发原因 by rule: keeping someone past the custody limit is 超期羁押.
_TRIGGER = {e.LeadRule.RELEASE_AFTER_CUSTODY_END.value: e.NoticeTrigger.OVERDUE_CUSTODY.value}


class LeadError(InspectorError):
    """A lead cannot be found, moved or raised as asked."""


@dataclass(frozen=True)
class ScanResult:
    found: int  # what the rules found today
    new: int  # kept as new leads
    known: int  # already kept (open or closed): not duplicated
    by_rule: dict[str, int]  # new leads by rule code


def scan(
    store: Store,
    actor: Actor,
    *,
    today: date | None = None,
    rules: Sequence[str] | None = None,
    handover_days: int = HANDOVER_DAYS,
) -> ScanResult:
    """Run the rules and keep the new leads (one transaction, each audited and captured for sync)."""
    require(actor, Permission.EDIT)
    today = today or today_local()
    unknown = sorted(set(rules or ()) - e.LeadRule.values())
    if unknown:
        raise LeadError(f"未知的线索规则：{'、'.join(unknown)}", f"unknown lead rules: {', '.join(unknown)}")
    with store.session() as s:
        candidates = scan_all(s, store.station_id, today, rules=rules, handover_days=handover_days)
        kept = set(s.scalars(select(SupervisionLead.key).where(SupervisionLead.deleted_at.is_(None))))
        new: Counter[str] = Counter()
        known = 0
        for c in candidates:
            if c.key in kept:
                known += 1
                continue
            kept.add(c.key)
            insert_row(
                s,
                "supervision_lead",
                {
                    "rule_code": c.rule,
                    "key": c.key,
                    "found_on": today,
                    "title": c.title[:200],
                    "facts": c.facts,
                    "legal_basis": c.legal_basis,
                    "detainee_id": c.detainee_id,
                    "ledger_import_id": c.ledger_import_id,
                    "records": list(c.records),
                    "status": S.PENDING.value,
                },
                actor,
                action="lead_found",
            )
            new[c.rule] += 1
        return ScanResult(len(candidates), sum(new.values()), known, dict(new))


def _lead_dict(lead: SupervisionLead) -> dict[str, Any]:
    return {
        "id": lead.id,
        "rule": lead.rule_code,
        "rule_label": label_of(e.LeadRule, lead.rule_code),
        "title": lead.title,
        "facts": lead.facts,
        "legal_basis": lead.legal_basis,
        "found_on": lead.found_on,
        "status": lead.status,
        "status_label": label_of(S, lead.status),
        "status_reason": lead.status_reason,
        "status_at": lead.status_at,
        "detainee_id": lead.detainee_id,
        "records": list(lead.records or []),
        "finding_id": lead.finding_id,
        "oral_correction_id": lead.oral_correction_id,
        "rectification_notice_id": lead.rectification_notice_id,
        "version": records.version_of(lead),
    }


def list_leads(
    store: Store, *, rule: str | None = None, status: str | None = None, open_only: bool = False
) -> list[dict[str, Any]]:
    """Leads, newest first, filtered by rule and status (the 监督线索 page's list)."""
    with store.session(read_only=True) as s:
        stmt = select(SupervisionLead).where(SupervisionLead.deleted_at.is_(None))
        if rule:
            stmt = stmt.where(SupervisionLead.rule_code == rule)
        if status:
            stmt = stmt.where(SupervisionLead.status == status)
        if open_only:
            stmt = stmt.where(SupervisionLead.status.in_(OPEN))
        stmt = stmt.order_by(SupervisionLead.found_on.desc(), SupervisionLead.created_at.desc())
        return [_lead_dict(lead) for lead in s.scalars(stmt)]


def counts(store: Store) -> dict[str, dict[str, int]]:
    """Leads by rule and status (the counts beside the navigation and the page's filters)."""
    with store.session(read_only=True) as s:
        out: dict[str, dict[str, int]] = {}
        for rule, status in s.execute(
            select(SupervisionLead.rule_code, SupervisionLead.status).where(
                SupervisionLead.deleted_at.is_(None)
            )
        ):
            out.setdefault(rule, {}).setdefault(status, 0)
            out[rule][status] += 1
        return out


def _find(s: Session, lead_id: uuid.UUID | str) -> SupervisionLead:
    lead: SupervisionLead | None = None
    if isinstance(lead_id, uuid.UUID):
        lead = s.get(SupervisionLead, lead_id)
    else:
        text = lead_id.strip().replace("-", "").lower()
        if len(text) >= 4 and all(c in "0123456789abcdef" for c in text):
            found = [
                x
                for x in s.scalars(select(SupervisionLead).where(SupervisionLead.deleted_at.is_(None)))
                if x.id.hex.startswith(text)
            ]
            if len(found) > 1:
                raise LeadError(f"线索编号“{lead_id}”不唯一，请多写几位", f"lead id {lead_id!r} is ambiguous")
            lead = found[0] if found else None
    if lead is None or lead.deleted_at is not None:
        raise LeadError(f"找不到监督线索 {lead_id}", f"no supervision lead {lead_id}")
    return lead


def set_status(
    store: Store,
    lead_id: uuid.UUID | str,
    status: str,
    actor: Actor,
    *,
    reason: str | None = None,
    base_version: str | None = None,
) -> dict[str, Any]:
    """Move a lead to ``status`` (see :data:`TRANSITIONS`); 已排除 needs ``reason``."""
    require(actor, Permission.EDIT)
    if status not in S.values():
        choices = "、".join(f"{m.value}（{m.label}）" for m in S)
        raise LeadError(f"未知的线索状态：{status}（可选：{choices}）", f"unknown lead status {status!r}")
    reason = (reason or "").strip() or None
    if status == S.EXCLUDED and reason is None:
        raise ValidationError(
            "supervision_lead",
            [FieldError("status_reason", "排除线索须写明理由", "excluding a lead needs a reason")],
        )
    with store.session() as s:
        lead = _find(s, lead_id)
        records._check_version("supervision_lead", lead, base_version, {"status": status})
        if status not in TRANSITIONS[lead.status]:
            raise LeadError(
                f"线索“{lead.title}”当前为{label_of(S, lead.status)}，不能改为{label_of(S, status)}",
                f"a {lead.status} lead cannot become {status}",
            )
        changes: dict[str, Any] = {
            "status": status,
            "status_reason": reason if reason is not None else lead.status_reason,
            "status_by": actor.user_id,
            "status_at": utc_now(),
            "closed_on": today_local() if status in (S.VERIFIED, S.EXCLUDED) else None,
        }
        records.apply_update(s, "supervision_lead", lead, changes, actor, action="lead_status")
        return _lead_dict(lead)


# ---- turning a lead into a finding, an oral correction or a notice -------------------------------


def _finding_values(lead: SupervisionLead, on: date) -> dict[str, Any]:
    names = "、".join(r["label"] for r in lead.records or [] if r.get("table") != "detainee")
    severity = (
        e.Severity.SERIOUS_VIOLATION.value
        if lead.rule_code == e.LeadRule.RELEASE_AFTER_CUSTODY_END
        else e.Severity.MINOR_VIOLATION.value
    )
    return {
        "found_on": on,
        "description": lead.facts,
        "severity": severity,
        "source": e.FindingSource.LEDGER.value,
        "evidence": f"监督线索：{label_of(e.LeadRule, lead.rule_code)}" + (f"（{names}）" if names else ""),
        "detainee_ids": [lead.detainee_id.hex] if lead.detainee_id else [],
    }


def prefill(store: Store, lead_id: uuid.UUID | str, kind: str, actor: Actor) -> records.EditState:
    """A new finding, oral correction or notice prefilled from a lead (not saved): facts, legal basis,
    the person, how it was found (台账审查), the station's addressee and issuer."""
    if kind not in RAISE_KINDS:
        raise LeadError(f"监督线索不能转为{kind}", f"a lead cannot become a {kind}")
    with store.session(read_only=True) as s:
        lead = _find(s, lead_id)
        s.expunge(lead)
    base = records.load_for_edit(store, kind, actor=actor)
    values = dict(base.values)
    on = today_local()
    if kind == "finding":
        values.update({k: v for k, v in _finding_values(lead, on).items() if k != "detainee_ids"})
    elif kind == "oral_correction":
        values.update(
            issued_on=on,
            source=e.FindingSource.LEDGER.value,
            facts=lead.facts,
            legal_basis=lead.legal_basis,
            follow_up_due=follow_up_due_for(store, on),
        )
    else:
        values.update(
            trigger=_TRIGGER.get(lead.rule_code, e.NoticeTrigger.SERIOUS_VIOLATION.value),
            discovery=f"本院驻所检察室于{on.year}年{on.month}月{on.day}日在台账审查中发现",
            facts=lead.facts,
            violated_provision=lead.legal_basis,
            detainee_id=lead.detainee_id,
        )
    return records.EditState(kind, None, values, None, [], {"from_lead": lead.id})


@dataclass(frozen=True)
class Raised:
    finding_id: uuid.UUID
    record_id: uuid.UUID  # the finding, oral correction or notice
    kind: str


def raise_from_lead(
    store: Store,
    lead_id: uuid.UUID | str,
    kind: str,
    actor: Actor,
    *,
    changes: Mapping[str, Any] | None = None,
) -> Raised:
    """Turn a verified lead into a finding and, for ``oral_correction`` or ``rectification_notice``, the
    correction raised from that finding — prefilled (:func:`prefill`), with ``changes`` the person made
    over it — in one transaction; the finding links to the correction and the lead to both."""
    require(actor, Permission.EDIT)
    with store.session(read_only=True) as s:
        lead = _find(s, lead_id)
        if lead.status != S.VERIFIED:
            raise LeadError(
                f"线索“{lead.title}”尚未核实（{label_of(S, lead.status)}），核实后才能转为问题或纠正意见",
                "only a verified lead becomes a finding or a correction",
            )
        if lead.finding_id is not None:
            raise LeadError(f"线索“{lead.title}”已转为问题记录", "the lead already became a finding")
        lead_key = lead.id
    state = prefill(store, lead_key, kind, actor)
    values = {**state.values, **(changes or {})}
    with store.session() as s:
        lead = _find(s, lead_key)
        finding_values = _finding_values(lead, today_local())
        if kind == "finding":
            finding_values.update(
                {k: v for k, v in values.items() if k in finding_values and k != "detainee_ids"}
            )
        finding = records.insert_record(s, "finding", finding_values, actor, action="lead_raise")
        link: dict[str, Any] = {"finding_id": finding.id}
        record_id = finding.id
        if kind != "finding":
            clean = {k: v for k, v in values.items() if v is not None and v != []}
            doc = records.insert_record(s, kind, clean, actor, action="lead_raise")
            records.link_finding(s, finding.id, kind, doc.id, actor)
            link["oral_correction_id" if kind == "oral_correction" else "rectification_notice_id"] = doc.id
            record_id = doc.id
        records.apply_update(s, "supervision_lead", lead, link, actor, action="lead_raise")
        return Raised(finding.id, record_id, kind)
