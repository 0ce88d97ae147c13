"""The daily log and the monthly report: prefilled from the records, edited, then confirmed.

A day's log opens prefilled from that day's records (what was supervised, findings, corrections,
documents issued, replies received); the author edits the narrative and confirms it, which freezes
the counts as they stood. A month's report is reviewed and submitted (its counts frozen), then
approved by a procurator; after that the printed report no longer changes as records change.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select

from inspector.documents.daily_log import compile_daily_log
from inspector.documents.monthly_counts import compute_monthly_counts
from inspector.domain.enums import ReportStatus
from inspector.domain.errors import InspectorError
from inspector.services.dashboard import count_live
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
from inspector.store.models import DailyLog, MonthlyReport, Station
from inspector.store.repository import today_local
from inspector.store.store import Store

__all__ = ["ReportCounts", "approve_monthly_report", "confirm_daily_log", "daily_log_for_edit",
           "load_report_counts", "monthly_report_for_edit", "submit_monthly_report"]  # fmt: skip

# The counts a confirmed log keeps (``inspector.documents.daily_log`` prints them instead of recounting).
FROZEN_COUNTS = ("held", "admitted", "handovers", "serve_in_center", "patrols", "video_reviews", "openings")


def _narrative(doc: Any) -> str:
    """The day's supervision work as sentences, from the records (the author edits it)."""
    parts: list[str] = []
    if doc.patrols:
        places = "、".join(doc.places)
        parts.append(f"巡视检察{doc.patrols}次" + (f"，检察{places}" if places else "") + "。")
    if doc.talks:
        talks = "、".join(f"{k}{v}人" for k, v in doc.talks.items())
        parts.append(f"个别谈话{sum(doc.talks.values())}人次（{talks}）。")
    if doc.openings:
        letters = "、".join(f"{k}{v}件" for k, v in doc.letters.items())
        parts.append(
            f"开启检察官信箱{doc.openings}次" + (f"，收到{letters}" if letters else "，无来信") + "。"
        )
    if doc.findings:
        parts.append("发现问题：" + "".join(doc.findings))
    if doc.oral_corrections:
        parts.append("口头纠正：" + "".join(doc.oral_corrections))
    if doc.documents:
        parts.append("；".join(doc.documents) + "。")
    return "\n".join(parts) or "当日无监督检察记录。"


def daily_log_for_edit(store: Store, day: date, actor: Actor) -> EditState:
    """The log of ``day`` to edit: the stored one, else a new one prefilled from the day's records."""
    with store.session(read_only=True) as s:
        existing = s.scalar(
            select(DailyLog.id).where(
                DailyLog.station_id == store.station_id,
                DailyLog.deleted_at.is_(None),
                DailyLog.log_date == day,
            )
        )
        doc = compile_daily_log(s, store.station_id, day) if existing is None else None
    if existing is not None:
        return load_for_edit(store, "daily_log", existing, actor=actor)
    assert doc is not None
    base = load_for_edit(store, "daily_log", actor=actor)
    values = dict(base.values)
    values.update(
        log_date=day,
        supervision_summary=_narrative(doc),
        adoption_feedback="；".join(doc.replies) or None,
        confirmed=False,
    )
    return EditState("daily_log", None, values, None, [], {})


def confirm_daily_log(store: Store, log_id: uuid.UUID, base_version: str | None, actor: Actor) -> Saved:
    """The author confirms the log: its counts are frozen as they stand now."""
    require(actor, Permission.EDIT)
    with store.session() as s:
        log = _live(s, "daily_log", log_id)
        _check_version("daily_log", log, base_version, {})
        doc = compile_daily_log(s, log.station_id, log.log_date)
        counts = {k: getattr(doc, k) for k in FROZEN_COUNTS}
        changes = {"confirmed": True, "counts": counts, "author_id": log.author_id or actor.user_id}
        apply_update(s, "daily_log", log, changes, actor, action="confirm")
        return Saved(log.id, version_of(log), [])


def monthly_report_for_edit(store: Store, year: int, month: int, actor: Actor) -> EditState:
    key = f"{year:04d}-{month:02d}"
    if (year, month) > (today_local().year, today_local().month):
        raise InspectorError(f"{key}尚未到来，不能编写月报", f"{key} is in the future")
    with store.session(read_only=True) as s:
        existing = s.scalar(
            select(MonthlyReport.id).where(
                MonthlyReport.station_id == store.station_id,
                MonthlyReport.deleted_at.is_(None),
                MonthlyReport.month == key,
            )
        )
        station_name = s.scalar(select(Station.name).where(Station.id == store.station_id))
    if existing is not None:
        return load_for_edit(store, "monthly_report", existing, actor=actor)
    base = load_for_edit(store, "monthly_report", actor=actor)
    values = dict(base.values)
    values.update(month=key, status=ReportStatus.DRAFT.value, signed_as=station_name)
    return EditState("monthly_report", None, values, None, [], {})


def submit_monthly_report(
    store: Store, report_id: uuid.UUID, base_version: str | None, actor: Actor
) -> Saved:
    """Reviewed: the counts are frozen and the report is dated; it now waits for approval."""
    require(actor, Permission.EDIT)
    with store.session() as s:
        rec = _live(s, "monthly_report", report_id)
        _check_version("monthly_report", rec, base_version, {})
        if rec.status not in (ReportStatus.DRAFT, ReportStatus.REJECTED):
            raise InspectorError("该月报已提交，不能重复提交", f"report {rec.month} was already submitted")
        year, month = (int(p) for p in rec.month.split("-"))
        counts = compute_monthly_counts(s, rec.station_id, year, month, today=today_local())
        changes = {
            "status": ReportStatus.SUBMITTED.value,
            "counted_items": counts,
            "signed_on": today_local(),
        }
        apply_update(s, "monthly_report", rec, changes, actor, action="submit")
        return Saved(rec.id, version_of(rec), [])


def approve_monthly_report(
    store: Store, report_id: uuid.UUID, base_version: str | None, actor: Actor, *, approve: bool = True
) -> Saved:
    """A procurator approves the submitted report (or sends it back to draft with 退回)."""
    require(actor, Permission.SIGN)
    with store.session() as s:
        rec = _live(s, "monthly_report", report_id)
        _check_version("monthly_report", rec, base_version, {})
        if rec.status != ReportStatus.SUBMITTED:
            raise InspectorError("只有已提交的月报才能审批", f"report {rec.month} is not submitted")
        if approve:
            changes: dict[str, Any] = {
                "status": ReportStatus.APPROVED.value,
                "approved_by": actor.display_name or None,
                "approved_on": today_local(),
            }
        else:
            changes = {"status": ReportStatus.REJECTED.value}
        apply_update(s, "monthly_report", rec, changes, actor, action="approve" if approve else "reject")
        return Saved(rec.id, version_of(rec), [])


# ---- what the 日志与报表 page counts ------------------------------------------------------------------


@dataclass(frozen=True)
class ReportCounts:
    daily_logs: int
    confirmed_daily_logs: int
    latest_log_date: date | None
    monthly_reports: int


def load_report_counts(store: Store) -> ReportCounts:
    """How many daily logs there are (and confirmed), the latest log's day, how many monthly reports;
    read in a read-only session."""
    with store.session(read_only=True) as s:
        latest = s.scalar(select(func.max(DailyLog.log_date)).where(DailyLog.deleted_at.is_(None)))
        return ReportCounts(
            daily_logs=count_live(s, DailyLog),
            confirmed_daily_logs=count_live(s, DailyLog, DailyLog.confirmed.is_(True)),
            latest_log_date=latest,
            monthly_reports=count_live(s, MonthlyReport),
        )
