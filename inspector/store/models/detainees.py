"""Detainee register (在押人员情况检察台账) and the custody events that drive deadlines."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from inspector.store.base import Base, Synced, ref


class Detainee(Synced, Base):
    __tablename__ = "detainee"
    __table_args__ = (
        # the picker's search over people still held (migration 0006)
        Index(
            "ix_detainee_held_name",
            "name",
            "cell",
            sqlite_where=text("discharged_on IS NULL AND deleted_at IS NULL"),
            postgresql_where=text("discharged_on IS NULL AND deleted_at IS NULL"),
        ),
        # who was discharged after a day: the census's "held with later records" (migration 0012)
        Index(
            "ix_detainee_discharged_on",
            "discharged_on",
            sqlite_where=text("discharged_on IS NOT NULL"),
            postgresql_where=text("discharged_on IS NOT NULL"),
        ),
    )

    name: Mapped[str] = mapped_column(String(50), index=True)
    gender: Mapped[str] = mapped_column(String(8))
    birth_date: Mapped[date | None]
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    ethnicity: Mapped[str | None] = mapped_column(String(16))
    block: Mapped[str | None] = mapped_column(String(32))  # 监区
    cell: Mapped[str | None] = mapped_column(String(32), index=True)  # 监室
    admitted_at: Mapped[datetime] = mapped_column(index=True)  # new arrivals, monthly counts
    admission_documents: Mapped[list[Any]] = mapped_column(default=list)  # 拘留证/逮捕证/寄押 papers
    admission_check: Mapped[str | None] = mapped_column(Text)  # injuries found at admission
    case_authority: Mapped[str | None] = mapped_column(String(100))  # 办案机关
    charges: Mapped[str | None] = mapped_column(String(200))
    case_no: Mapped[str | None] = mapped_column(String(64))
    legal_status: Mapped[str] = mapped_column(String(16))
    stage: Mapped[str] = mapped_column(String(32), index=True)
    stage_started_on: Mapped[date | None]
    multiple_or_gang: Mapped[bool] = mapped_column(default=False)  # 流窜/多次/结伙: 30-day detention
    warning_notice_sent_on: Mapped[date | None]  # centre's 羁押期限即将届满通知书
    sentence_kind: Mapped[str | None] = mapped_column(String(24))
    sentence_text: Mapped[str | None] = mapped_column(String(64))  # as printed, e.g. 有期徒刑一年六个月
    sentence_months: Mapped[int | None]
    term_start: Mapped[date | None]
    term_end: Mapped[date | None]  # copied from the judgment, never computed
    judgment_effective_on: Mapped[date | None]
    execution_notice_received_on: Mapped[date | None]
    property_items: Mapped[list[Any]] = mapped_column(default=list)
    discharged_on: Mapped[date | None]
    discharge_kind: Mapped[str | None] = mapped_column(String(24))
    discharge_documents: Mapped[list[Any]] = mapped_column(default=list)
    notes: Mapped[str | None] = mapped_column(Text)


class CustodyEvent(Synced, Base):
    """One event on a detainee's timeline (拘留, 逮捕, 延长, 退补, 判决生效 …).

    Each event recomputes the custody deadline.
    """

    __tablename__ = "custody_event"

    detainee_id: Mapped[uuid.UUID] = ref("detainee", nullable=False)
    kind: Mapped[str] = mapped_column(String(40))
    occurred_on: Mapped[date] = mapped_column(index=True)  # events dated after a day (migration 0012)
    extension_months: Mapped[int | None]  # for extensions granted in months
    extension_days: Mapped[int | None]  # for extensions granted in days
    legal_basis: Mapped[str | None] = mapped_column(String(100))
    authority: Mapped[str | None] = mapped_column(String(100))
    document_no: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
