"""Daily supervision work: patrols, talks, the mailbox and lawyer-meeting checks."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inspector.store.base import Base, Synced, ref


class Patrol(Synced, Base):
    """巡视检察. ``participant_ids`` are app_user ids; ``checklist`` maps item → ok / issue / not_checked."""

    __tablename__ = "patrol"

    patrol_date: Mapped[date] = mapped_column(index=True)
    start_time: Mapped[time | None]
    end_time: Mapped[time | None]
    areas: Mapped[list[str]] = mapped_column(default=list)
    methods: Mapped[list[str]] = mapped_column(default=list)
    video_segments: Mapped[list[Any]] = mapped_column(default=list)
    checklist: Mapped[dict[str, Any]] = mapped_column(default=dict)
    participant_ids: Mapped[list[str]] = mapped_column(default=list)
    summary: Mapped[str | None] = mapped_column(Text)


class Talk(Synced, Base):
    """个别谈话. The detainee's particulars are kept as they were at the talk (``detainee_snapshot``)."""

    __tablename__ = "talk"

    talk_at: Mapped[datetime] = mapped_column(index=True)
    place: Mapped[str | None] = mapped_column(String(64))
    detainee_id: Mapped[uuid.UUID] = ref("detainee", nullable=False)
    detainee_snapshot: Mapped[dict[str, Any]] = mapped_column(default=dict)
    talk_type: Mapped[str] = mapped_column(String(32))
    interviewer_ids: Mapped[list[str]] = mapped_column(default=list)
    recorder_id: Mapped[uuid.UUID | None]
    qa_text: Mapped[str | None] = mapped_column(Text)
    issues_raised: Mapped[bool] = mapped_column(default=False)
    issues_summary: Mapped[str | None] = mapped_column(Text)
    handling_opinion: Mapped[str | None] = mapped_column(Text)
    detainee_signed: Mapped[bool] = mapped_column(default=False)
    fingerprinted: Mapped[bool] = mapped_column(default=False)
    confidential: Mapped[bool] = mapped_column(default=False)
    linked_letter_id: Mapped[uuid.UUID | None] = ref("mailbox_letter")


class MailboxOpening(Synced, Base):
    """检察官信箱开启. Zero letters is a valid, recorded result."""

    __tablename__ = "mailbox_opening"

    opened_at: Mapped[datetime] = mapped_column(index=True)
    mailbox_location: Mapped[str | None] = mapped_column(String(64))
    opener_ids: Mapped[list[str]] = mapped_column(default=list)
    letter_count: Mapped[int] = mapped_column(default=0)
    has_valuable_lead: Mapped[bool] = mapped_column(default=False)
    lead_summary: Mapped[str | None] = mapped_column(Text)


class MailboxLetter(Synced, Base):
    """A letter found at an opening: 控告 / 举报 / 申诉 / 约见申请 / 咨询 / 其他."""

    __tablename__ = "mailbox_letter"

    opening_id: Mapped[uuid.UUID] = ref("mailbox_opening", nullable=False)
    serial_no: Mapped[int]
    block: Mapped[str | None] = mapped_column(String(32))
    detainee_id: Mapped[uuid.UUID | None] = ref("detainee")  # empty for an anonymous letter
    category: Mapped[str] = mapped_column(String(24))
    subject: Mapped[str] = mapped_column(String(200))
    confidential: Mapped[bool] = mapped_column(default=False)
    accepted_on: Mapped[date]
    status: Mapped[str] = mapped_column(String(16), default="registered")
    handling: Mapped[str | None] = mapped_column(Text)
    transferred_to: Mapped[str | None] = mapped_column(String(100))
    transferred_on: Mapped[date | None]
    review_due: Mapped[date | None]
    result: Mapped[str | None] = mapped_column(Text)
    replied_on: Mapped[date | None]


class LawyerMeetingCheck(Synced, Base):
    """律师会见 check: arranged within 48 hours, not monitored, no police present (CPL art 39)."""

    __tablename__ = "lawyer_meeting_check"

    detainee_id: Mapped[uuid.UUID | None] = ref("detainee")
    lawyer_name: Mapped[str] = mapped_column(String(50))
    law_firm: Mapped[str | None] = mapped_column(String(100))
    requested_at: Mapped[datetime]
    arranged_at: Mapped[datetime | None]
    monitored: Mapped[bool] = mapped_column(default=False)
    police_present: Mapped[bool] = mapped_column(default=False)
    refusal_reason: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
