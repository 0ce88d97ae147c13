"""``inspector office report``: how each station stands, read from the office database (docs/sync.md,
"Office report").

Per station: its laptops and when each last pushed, records pushed this week, open conflicts, notices
and suggestions awaiting a reply and overdue, and custody deadlines within 7 days (or passed).
Everything but the custody deadlines is one SQL statement per figure over ``records``/``sync`` for
all stations at once. Custody deadlines are selected in SQL (who was held on the day, with their
custody events) and computed by the laptop's own rules engine (``inspector.rules.custody``): the
limits depend on stage plans, extensions, excluded spans and the holiday calendar, and a second
implementation in SQL could disagree with what the laptops show.

Definitions follow the laptop's dashboard (``inspector.services.dashboard``) so the figures agree:

* week — Monday to Sunday in Asia/Shanghai containing ``day``; "pushed" counts the ops of the batches
  the office received that week (accepted, conflicting or rejected alike);
* awaiting reply — a notice or suggestion, not deleted, in state 已送达 / 逾期未回复 / 已督促;
  overdue — state 逾期未回复, or awaiting with ``reply_due`` before ``day``;
* custody — held on ``day`` (census rules: admitted by then, not discharged by then, not deleted),
  deadline computed with the station's rule settings and the office holiday table, listed when it is
  ``day + 7`` or earlier.

Where the office's figure is simpler than the laptop's:

* "last sync" is the last **push** the office received: a sync that only pulled leaves no trace there;
* an open conflict is one the office met (``sync.conflict``) whose row has not been written since —
  the office cannot see a person choosing "theirs" on the laptop (that writes nothing), so such a
  conflict counts until the row is next written; rejected ops are not conflicts here;
* custody uses the office's holiday table over the package calendar, as a laptop does, but not a
  laptop's own local holiday entries.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import psycopg

from inspector.domain.enums import DocumentState, Stage
from inspector.domain.settings import RuleSettings
from inspector.domain.validation import SHANGHAI, local_date
from inspector.rules.calendar import HolidayCalendar
from inspector.rules.custody import custody_deadline
from inspector.rules.custody_stages import CustodyEventInput, DetaineeCustodyInput, as_at
from inspector.sync import schema
from inspector.sync.errors import OfficeAdminError
from inspector.sync.office import _require_current, admin

CUSTODY_SOON_DAYS = 7
_STAGE_LABELS = {member.value: member.label for member in Stage}
AWAITING = (DocumentState.SERVED.value, DocumentState.OVERDUE.value, DocumentState.FOLLOWED_UP.value)
DOCUMENT_TABLES = ("rectification_notice", "procuratorial_suggestion")


@dataclass(frozen=True)
class LaptopLine:
    name: str
    role: str
    state: str  # waiting / enrolled / revoked
    last_push_at: str | None  # ISO 8601, Asia/Shanghai


@dataclass(frozen=True)
class CustodyLine:
    detainee_id: str
    name: str
    stage: str
    deadline: str
    days_left: int


@dataclass
class StationReport:
    code: str
    name: str
    laptops: list[LaptopLine] = field(default_factory=list)
    pushed_this_week: int = 0
    open_conflicts: int = 0
    awaiting_reply: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DOCUMENT_TABLES, 0))
    overdue: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DOCUMENT_TABLES, 0))
    custody_soon: list[CustodyLine] = field(default_factory=list)
    custody_unreadable: int = 0  # held people whose records the rules could not read


@dataclass(frozen=True)
class OfficeReport:
    day: str
    week_start: str
    week_end: str
    stations: list[StationReport]

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)


def _week(day: date) -> tuple[datetime, datetime]:
    monday = day - timedelta(days=day.weekday())
    start = datetime.combine(monday, time.min, tzinfo=SHANGHAI)
    return start, start + timedelta(days=7)


def _shanghai(value: datetime | None) -> str | None:
    return value.astimezone(SHANGHAI).isoformat(timespec="seconds") if value is not None else None


def office_report(url: str, day: date, station_code: str | None = None) -> OfficeReport:
    """The report for ``day`` (all stations, or one), in one read-only administrator transaction."""
    week_start, week_end = _week(day)
    with admin(url) as conn:
        # every figure from one snapshot, and nothing written
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        _require_current(conn)
        rows = conn.execute(
            "SELECT code, name, id FROM sync.station WHERE %s::text IS NULL OR code = %s ORDER BY code",
            (station_code, station_code),
        ).fetchall()
        if station_code is not None and not rows:
            raise OfficeAdminError(f"没有检察室 {station_code}", f"no station {station_code}")
        reports = {code: StationReport(code, name) for code, name, _ in rows}
        by_id = {sid: reports[code] for code, _, sid in rows if sid is not None}
        ids = list(by_id)
        _laptops(conn, reports, station_code)
        for sid, n in conn.execute(
            "SELECT station_id, sum(op_count) FROM sync.batch WHERE station_id = ANY (%s) "
            "AND received_at >= %s AND received_at < %s GROUP BY station_id",
            (ids, week_start, week_end),
        ):
            by_id[sid].pushed_this_week = int(n)
        for sid, n in conn.execute(_open_conflicts_sql(), {"ids": ids}):
            by_id[sid].open_conflicts = int(n)
        for table in DOCUMENT_TABLES:
            for sid, awaiting, overdue in conn.execute(
                f"SELECT station_id, count(*) FILTER (WHERE state = ANY (%s)), "
                f"count(*) FILTER (WHERE state = %s OR (state = ANY (%s) AND reply_due < %s)) "
                f"FROM records.{table} WHERE station_id = ANY (%s) AND deleted_at IS NULL "
                "GROUP BY station_id",
                (list(AWAITING), DocumentState.OVERDUE.value, list(AWAITING), day, ids),
            ):
                by_id[sid].awaiting_reply[table] = int(awaiting)
                by_id[sid].overdue[table] = int(overdue)
        _custody(conn, by_id, day)
    return OfficeReport(
        day.isoformat(), week_start.date().isoformat(), (week_end - timedelta(days=1)).date().isoformat(),
        list(reports.values()),
    )  # fmt: skip


def _laptops(conn: psycopg.Connection[Any], reports: dict[str, StationReport], code: str | None) -> None:
    for station, name, role, enrolled, revoked, last in conn.execute(
        "SELECT d.station_code, d.name, d.role_name, d.enrolled_at, d.revoked_at, "
        "(SELECT max(b.received_at) FROM sync.batch b WHERE b.device_role = d.role_name) "
        "FROM sync.device d WHERE %s::text IS NULL OR d.station_code = %s ORDER BY d.station_code, d.name",
        (code, code),
    ):
        state = "revoked" if revoked else "enrolled" if enrolled else "waiting"
        reports[station].laptops.append(LaptopLine(name, role, state, _shanghai(last)))


def _open_conflicts_sql() -> str:
    """Conflicts whose row is still at the version the office held when it met them (or still absent)."""
    parts = [
        f"SELECT c.station_id FROM sync.conflict c LEFT JOIN records.{t} r ON r.id = c.row_id "
        f"WHERE c.table_name = '{t}' AND c.station_id = ANY (%(ids)s) "
        "AND r.row_version IS NOT DISTINCT FROM c.server_version"
        for t in schema.table_names()
    ]
    union = "\n UNION ALL ".join(parts)
    return f"SELECT station_id, count(*) FROM ({union}) u GROUP BY station_id"


def _day_end(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=SHANGHAI).astimezone(UTC)


def _custody(conn: psycopg.Connection[Any], by_id: dict[uuid.UUID, StationReport], day: date) -> None:
    if not by_id:
        return
    calendar = HolidayCalendar(
        [
            (d, bool(w), n)
            for d, w, n in conn.execute("SELECT day, is_workday, holiday_name FROM sync.holiday_day")
        ]
    )
    settings_rows: dict[uuid.UUID, dict[str, Any]] = defaultdict(dict)
    for sid, key, value in conn.execute(
        "SELECT station_id, key, value FROM records.station_setting "
        "WHERE station_id = ANY (%s) AND deleted_at IS NULL",
        (list(by_id),),
    ):
        settings_rows[sid][key] = value
    settings = {sid: RuleSettings.from_mapping(settings_rows.get(sid, {})) for sid in by_id}
    horizon = day + timedelta(days=CUSTODY_SOON_DAYS)
    rows = conn.execute(
        # one join, grouped by person: a hash join over the events when they are many, index look-ups
        # (custody_event_detainee) when the held are few — never one scan of the events per person
        "SELECT d.station_id, d.id, d.name, d.stage, d.stage_started_on, d.admitted_at, d.multiple_or_gang, "
        "d.discharged_on, d.sentence_kind, d.term_end, "
        "coalesce(jsonb_agg(jsonb_build_array(e.kind, e.occurred_on, e.extension_months, e.extension_days, "
        "e.legal_basis)) FILTER (WHERE e.id IS NOT NULL), '[]') "
        "FROM records.detainee d LEFT JOIN records.custody_event e ON e.detainee_id = d.id "
        "AND e.station_id = d.station_id AND e.deleted_at IS NULL "
        "WHERE d.station_id = ANY (%s) AND d.deleted_at IS NULL "
        "AND (d.discharged_on IS NULL OR d.discharged_on > %s) AND d.admitted_at < %s GROUP BY d.id",
        (list(by_id), day, _day_end(day)),
    ).fetchall()
    for sid, did, name, stage, started, admitted, gang, discharged, kind, term_end, events in rows:
        report = by_id[sid]
        try:
            if stage not in Stage.values():
                raise ValueError(f"unknown stage {stage!r}")
            evs = []
            for e_kind, on, months, days, basis in events:
                try:
                    evs.append(CustodyEventInput(e_kind, date.fromisoformat(on), months, days, basis))
                except ValueError:  # an event kind this program does not know: left out, as the laptop does
                    continue
            full = DetaineeCustodyInput(
                stage=stage, stage_started_on=started, admitted_on=local_date(admitted),
                multiple_or_gang=bool(gang), events=tuple(evs), discharged_on=discharged,
                sentence_kind=kind, term_end=term_end,
            )  # fmt: skip
            inp = as_at(full, day)
            if inp is None:
                continue
            result = custody_deadline(inp, settings[sid], day, calendar=calendar)
        except ValueError:
            report.custody_unreadable += 1
            continue
        if result.deadline is not None and result.deadline <= horizon:
            report.custody_soon.append(
                CustodyLine(
                    str(did),
                    name,
                    _STAGE_LABELS.get(result.stage, result.stage),
                    result.deadline.isoformat(),
                    (result.deadline - day).days,
                )
            )
    for report in by_id.values():
        report.custody_soon.sort(key=lambda c: (c.deadline, c.name))


_STATES = {"enrolled": "已注册", "waiting": "待注册", "revoked": "已停用"}
_DOC_ZH = {"rectification_notice": "纠正违法通知书", "procuratorial_suggestion": "检察建议书"}


def format_text(report: OfficeReport, custody_lines: int = 20) -> str:
    """The report as text (Chinese / English), one block per station."""
    out = [
        f"办公室概况 / office report — {report.day}（本周 / week {report.week_start} – {report.week_end}）"
    ]
    for st in report.stations:
        out.append("")
        out.append(f"{st.code} {st.name}")
        if not st.laptops:
            out.append("  电脑 / laptops: 无 / none")
        for lp in st.laptops:
            last = lp.last_push_at[:16].replace("T", " ") if lp.last_push_at else "—"
            out.append(
                f"  电脑 / laptop {lp.name} ({lp.role}) {_STATES[lp.state]} / {lp.state}, "
                f"上次上传 / last push {last}"
            )
        out.append(f"  本周上传记录 / records pushed this week: {st.pushed_this_week}")
        out.append(f"  未解决冲突 / open conflicts: {st.open_conflicts}")
        for table in DOCUMENT_TABLES:
            out.append(
                f"  {_DOC_ZH[table]}待回复 / {table.replace('_', ' ')}s awaiting reply: "
                f"{st.awaiting_reply[table]}，其中逾期 / overdue: {st.overdue[table]}"
            )
        out.append(
            f"  7日内届满或已超期的羁押期限 / custody deadlines within {CUSTODY_SOON_DAYS} days: "
            f"{len(st.custody_soon)}"
        )
        for c in st.custody_soon[:custody_lines]:
            if c.days_left < 0:
                when = f"已超期 {-c.days_left} 日 / {-c.days_left} day(s) over"
            elif c.days_left == 0:
                when = "今日届满 / due today"
            else:
                when = f"还有 {c.days_left} 日 / {c.days_left} day(s) left"
            out.append(f"    {c.deadline} {c.name} {c.stage} — {when}")
        if len(st.custody_soon) > custody_lines:
            more = len(st.custody_soon) - custody_lines
            out.append(f"    … 另 {more} 人 / {more} more")
        if st.custody_unreadable:
            out.append(
                "  无法计算羁押期限 / custody not computable (unknown stage or event): "
                f"{st.custody_unreadable}"
            )
    if not report.stations:
        out.append("没有检察室 / no stations")
    return "\n".join(out)
