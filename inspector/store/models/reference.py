"""Reference data the rules and documents need: the holiday calendar and document-number blocks.

Neither is a station record: the holiday table is office-wide (the office enters each year's State
Council schedule and every laptop pulls it), and number blocks are granted to this device (by the
office, or locally by ``init`` until the device enrolls). Neither is captured by the outbox.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import CheckConstraint, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspector.store.base import Base
from inspector.store.types import utc_now


class HolidayDay(Base):
    """One day whose status the ``chinese-calendar`` package does not know (or the office corrects):
    a rest day (statutory holiday) or a working day (调休 make-up working day)."""

    __tablename__ = "holiday_day"

    day: Mapped[date] = mapped_column(primary_key=True)
    is_workday: Mapped[bool]
    holiday_name: Mapped[str | None] = mapped_column(String(24))  # HolidayName value
    note: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(16), default="office")  # office / local
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class NumberBlock(Base):
    """A block of 文号 sequence numbers this device may issue for one document type and year.

    ``next_seq`` only ever grows, in the same transaction that signs a document, so a number is
    never issued twice — not even after the signed draft is deleted.
    """

    __tablename__ = "number_block"
    __table_args__ = (
        UniqueConstraint("doc_type", "year", "first_seq"),
        CheckConstraint("first_seq >= 1 AND first_seq <= last_seq", name="range"),
        CheckConstraint("next_seq >= first_seq AND next_seq <= last_seq + 1", name="cursor"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    doc_type: Mapped[str] = mapped_column(String(40))  # rectification_notice / procuratorial_suggestion
    year: Mapped[int]
    first_seq: Mapped[int]
    last_seq: Mapped[int]
    next_seq: Mapped[int]
    source: Mapped[str] = mapped_column(String(16))  # local (granted by init) / office (a lease)
    lease_id: Mapped[uuid.UUID | None]
    granted_at: Mapped[datetime] = mapped_column(default=utc_now)
    voided_at: Mapped[datetime | None]
