"""Findings and the corrections they lead to: oral correction → 纠正违法通知书 / 检察建议书.

Links point one way (child → parent) so the tables sort without cycles: a notice names the oral
correction it escalates; a finding names the patrol/talk/letter it came from and the correction
that handles it.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspector.store.base import Base, Synced, ref


class OralCorrection(Synced, Base):
    """口头纠正意见 (Rules 2019 art 624(一)); follow-up due 7 days later."""

    __tablename__ = "oral_correction"

    issued_on: Mapped[date] = mapped_column(index=True)
    issuer_ids: Mapped[list[str]] = mapped_column(default=list)
    addressee_unit: Mapped[str] = mapped_column(String(100))
    addressee_person: Mapped[str | None] = mapped_column(String(50))
    source: Mapped[str] = mapped_column(String(16))
    facts: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[str | None] = mapped_column(Text)
    follow_up_due: Mapped[date | None]
    corrected: Mapped[bool] = mapped_column(default=False)
    corrected_on: Mapped[date | None]
    verified_how: Mapped[str | None] = mapped_column(Text)


class _WrittenDocument:
    """Fields shared by the two numbered documents (文号 parts, approval, service, reply)."""

    state: Mapped[str] = mapped_column(String(24), default="draft", index=True)
    issuer_name: Mapped[str] = mapped_column(String(100))
    addressee: Mapped[str] = mapped_column(String(100))
    doc_year: Mapped[int | None]
    doc_seq: Mapped[int | None]
    doc_number: Mapped[str | None] = mapped_column(String(64))
    approved_by: Mapped[str | None] = mapped_column(String(50))  # the 检察长 who decided (art 552)
    approved_on: Mapped[date | None]
    issued_on: Mapped[date | None]
    served_on: Mapped[date | None]
    service_method: Mapped[str | None] = mapped_column(String(16))
    receiver_name: Mapped[str | None] = mapped_column(String(50))
    reply_due: Mapped[date | None]
    replied_on: Mapped[date | None]
    reply_text: Mapped[str | None] = mapped_column(Text)
    adopted: Mapped[bool | None]
    follow_ups: Mapped[list[Any]] = mapped_column(default=list)  # 督促 entries {on, how, note}
    copy_to: Mapped[list[str]] = mapped_column(default=list)


class RectificationNotice(_WrittenDocument, Synced, Base):
    """纠正违法通知书 (docs/domain.md, "Notice and suggestion life cycle" and "Notices and suggestions:
    contents")."""

    __tablename__ = "rectification_notice"
    __table_args__ = (UniqueConstraint("station_id", "doc_year", "doc_seq"),)

    trigger: Mapped[str] = mapped_column(String(24))
    oral_correction_id: Mapped[uuid.UUID | None] = ref("oral_correction")
    detainee_id: Mapped[uuid.UUID | None] = ref("detainee")  # for 超期羁押 and person-specific facts
    discovery: Mapped[str | None] = mapped_column(Text)  # how and when it was found
    facts: Mapped[str] = mapped_column(Text)
    violated_provision: Mapped[str | None] = mapped_column(Text)
    basis_provision: Mapped[str | None] = mapped_column(Text)
    correction_requests: Mapped[str | None] = mapped_column(Text)
    reply_period_days: Mapped[int] = mapped_column(default=15)
    correction_status: Mapped[str | None] = mapped_column(String(16))
    reported_upward_on: Mapped[date | None]
    review_requested_on: Mapped[date | None]
    review_decided_on: Mapped[date | None]
    review_result: Mapped[str | None] = mapped_column(Text)


class ProcuratorialSuggestion(_WrittenDocument, Synced, Base):
    """检察建议书 (docs/domain.md, "Notice and suggestion life cycle" and "Notices and suggestions:
    contents")."""

    __tablename__ = "procuratorial_suggestion"
    __table_args__ = (UniqueConstraint("station_id", "doc_year", "doc_seq"),)

    case_source: Mapped[str | None] = mapped_column(Text)
    facts_found: Mapped[str] = mapped_column(Text)
    problems: Mapped[str | None] = mapped_column(Text)
    cause_analysis: Mapped[str | None] = mapped_column(Text)
    legal_basis: Mapped[str | None] = mapped_column(Text)
    recommendations: Mapped[list[str]] = mapped_column(default=list)
    objection_period_days: Mapped[int | None]
    reply_period_months: Mapped[int] = mapped_column(default=2)
    effect_evaluation: Mapped[str | None] = mapped_column(Text)
    revisit_on: Mapped[date | None]
    escalated_on: Mapped[date | None]
    escalated_to: Mapped[str | None] = mapped_column(String(100))


class Finding(Synced, Base):
    """A problem found (an "issue"), which any correction may handle."""

    __tablename__ = "finding"

    found_on: Mapped[date] = mapped_column(index=True)
    description: Mapped[str] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(String(64))
    detainee_ids: Mapped[list[str]] = mapped_column(default=list)
    evidence: Mapped[str | None] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(24))
    source: Mapped[str] = mapped_column(String(16))
    patrol_id: Mapped[uuid.UUID | None] = ref("patrol")
    talk_id: Mapped[uuid.UUID | None] = ref("talk")
    letter_id: Mapped[uuid.UUID | None] = ref("mailbox_letter")
    oral_correction_id: Mapped[uuid.UUID | None] = ref("oral_correction")
    rectification_notice_id: Mapped[uuid.UUID | None] = ref("rectification_notice")
    procuratorial_suggestion_id: Mapped[uuid.UUID | None] = ref("procuratorial_suggestion")
    resolved_on: Mapped[date | None]
    found_at: Mapped[datetime | None]
