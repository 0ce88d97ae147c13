"""Incidents, pre-holiday inspections, delivery-for-execution checks, daily logs and monthly reports."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspector.store.base import Base, Synced, ref


class Incident(Synced, Base):
    """事故检察 (Rules 2019 arts 662-663)."""

    __tablename__ = "incident"

    kind: Mapped[str] = mapped_column(String(24))
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    detainee_ids: Mapped[list[str]] = mapped_column(default=list)
    description: Mapped[str] = mapped_column(Text)
    reported_to_office_at: Mapped[datetime | None]
    on_site_at: Mapped[datetime | None]
    reported_to_chief_at: Mapped[datetime | None]
    autopsy_at: Mapped[datetime | None]
    register_form_sent_on: Mapped[date | None]
    circuit_inspection_requested: Mapped[bool] = mapped_column(default=False)
    facility_conclusion: Mapped[str | None] = mapped_column(Text)
    family_objection: Mapped[str | None] = mapped_column(Text)
    own_investigation: Mapped[str | None] = mapped_column(Text)
    conclusion_notified_on: Mapped[date | None]
    fault_assessment: Mapped[str | None] = mapped_column(Text)


class PreholidayInspection(Synced, Base):
    """节前安全大检查, jointly with the 武警中队 and 公安分局."""

    __tablename__ = "preholiday_inspection"

    holiday: Mapped[str] = mapped_column(String(24))
    holiday_year: Mapped[int]
    inspected_on: Mapped[date] = mapped_column(index=True)
    joint_units: Mapped[list[str]] = mapped_column(default=list)
    areas: Mapped[list[str]] = mapped_column(default=list)
    checklist: Mapped[dict[str, Any]] = mapped_column(default=dict)
    summary: Mapped[str | None] = mapped_column(Text)
    joint_meeting_notes: Mapped[str | None] = mapped_column(Text)


class ExecutionDeliveryCheck(Synced, Base):
    """交付执行检察: 30-day delivery, 留所服刑 eligibility, property handover (docs/domain.md, "Delivery for
    execution and 留所服刑")."""

    __tablename__ = "execution_delivery_check"

    detainee_id: Mapped[uuid.UUID] = ref("detainee", nullable=False)
    judgment_effective_on: Mapped[date | None]
    documents_received_on: Mapped[date | None]
    delivery_due: Mapped[date | None]
    sentence_kind: Mapped[str | None] = mapped_column(String(24))
    term_end: Mapped[date | None]
    reference_date: Mapped[date | None]
    remaining_term_days: Mapped[int | None]
    decision: Mapped[str | None] = mapped_column(String(40))
    pre_transfer_talk_id: Mapped[uuid.UUID | None] = ref("talk")
    escort_plan_noted: Mapped[bool] = mapped_column(default=False)
    property_check: Mapped[list[Any]] = mapped_column(default=list)  # {item, outcome}
    delivered_on: Mapped[date | None]
    receiving_institution: Mapped[str | None] = mapped_column(String(100))
    prison_refused: Mapped[bool] = mapped_column(default=False)
    refusal_escalated_on: Mapped[date | None]
    outside_execution_form_sent_on: Mapped[date | None]
    note: Mapped[str | None] = mapped_column(Text)


class DailyLog(Synced, Base):
    """派驻检察工作日志: counts pre-filled from the day's records, confirmed by the author."""

    __tablename__ = "daily_log"
    __table_args__ = (UniqueConstraint("station_id", "log_date"),)

    log_date: Mapped[date]
    author_id: Mapped[uuid.UUID | None]
    staff_on_duty: Mapped[list[str]] = mapped_column(default=list)
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    places_inspected: Mapped[list[str]] = mapped_column(default=list)
    supervision_summary: Mapped[str | None] = mapped_column(Text)
    adoption_feedback: Mapped[str | None] = mapped_column(Text)
    other_work: Mapped[str | None] = mapped_column(Text)
    confirmed: Mapped[bool] = mapped_column(default=False)


class MonthlyReport(Synced, Base):
    """月度工作情况报告: a frozen snapshot of the counted items plus the manual ones."""

    __tablename__ = "monthly_report"
    __table_args__ = (UniqueConstraint("station_id", "month"),)

    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    status: Mapped[str] = mapped_column(String(16), default="draft")
    counted_items: Mapped[dict[str, Any]] = mapped_column(default=dict)
    manual_items: Mapped[dict[str, Any]] = mapped_column(default=dict)
    signed_as: Mapped[str | None] = mapped_column(String(100))
    signed_on: Mapped[date | None]
    approved_by: Mapped[str | None] = mapped_column(String(50))
    approved_on: Mapped[date | None]


class Attachment(Synced, Base):
    """A photo, scan or signature image attached to a record; the bytes are in ``blob`` by sha256."""

    __tablename__ = "attachment"

    record_table: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID] = mapped_column(index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    caption: Mapped[str | None] = mapped_column(String(200))
