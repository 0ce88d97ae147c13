"""台账审查 and 监督线索 on the agenda (docs/ledger.md): the supervision leads still 待核实 — amber once
the oldest has waited longer than ``lead_check_days`` — and the ledger imports awaiting confirmation.
One line each, counted; the dashboard opens the page (监督线索 or 台账审查) from it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from sqlalchemy import func, select

from inspector.agenda.context import AgendaContext, of_station
from inspector.agenda.items import AgendaItem
from inspector.domain import enums as e
from inspector.domain.validation import local_date
from inspector.rules.text import define
from inspector.store.models import LedgerImport, SupervisionLead

__all__ = ["LEADS_KIND", "LEDGER_KIND", "ledger_items"]

LEADS_KIND = "leads_pending"
LEDGER_KIND = "ledger_pending"

_LEADS_TITLE = define("agenda.leads.title", "监督线索待核实{count}条", "{count} supervision leads to verify")
_LEADS_OLD = define(
    "agenda.leads.old",
    "{old}条待核实已超过{days}日，最早发现于{day}",
    "{old} waiting more than {days} days, the oldest found on {day}",
)
_LEADS_NEW = define("agenda.leads.new", "最早发现于{day}", "The oldest found on {day}")
_LEADS_RULE = define(
    "agenda.leads.rule",
    "监督线索发现后{days}日内核实（本地工作要求）",
    "Verify a supervision lead within {days} days of finding it (local requirement)",
)
_LEADS_EXPLAIN = define(
    "agenda.leads.explain",
    "在监督线索中逐条核实：已核实的转为问题、口头纠正或纠正违法通知书，不成立的写明理由排除。",
    "Work through them under Supervision leads: a verified lead becomes a finding, an oral correction or a"
    " notice; one that does not hold is excluded with its reason.",
)
_LEDGER_TITLE = define("agenda.ledger.title", "台账待确认{count}份", "{count} ledger imports to confirm")
_LEDGER_SUBJECT = define("agenda.ledger.subject", "{file}（{day}导入）", "{file} (imported {day})")
_LEDGER_RULE = define(
    "agenda.ledger.rule",
    "台账变动经检察人员确认后方写入名册",
    "A ledger's changes reach the register only once a procurator confirms them",
)
_LEDGER_EXPLAIN = define(
    "agenda.ledger.explain",
    "在台账审查中查看变动报告，逐项或全部确认写入名册。",
    "Review the change report under Ledger review and confirm the changes, one by one or all at once.",
)
_BASIS = define("agenda.local_basis", "检察室工作要求（本地设置）", "Office requirement (local setting)")


def ledger_items(ctx: AgendaContext) -> Iterator[AgendaItem]:
    yield from _leads(ctx)
    yield from _imports(ctx)


def _leads(ctx: AgendaContext) -> Iterator[AgendaItem]:
    days = ctx.settings.lead_check_days
    late = ctx.today - timedelta(days=days)
    count, oldest, old = ctx.session.execute(
        select(
            func.count(),
            func.min(SupervisionLead.found_on),
            func.count().filter(SupervisionLead.found_on < late),
        ).where(
            of_station(SupervisionLead, ctx.station_id),
            SupervisionLead.deleted_at.is_(None),
            SupervisionLead.status == e.LeadStatus.PENDING.value,
        )
    ).one()
    if not count or oldest is None:
        return
    due = oldest + timedelta(days=days)
    yield AgendaItem(
        level="warning" if old else "info",
        kind=LEADS_KIND,
        title=_LEADS_TITLE(count=count),
        subject=_LEADS_OLD(old=old, days=days, day=oldest) if old else _LEADS_NEW(day=oldest),
        due=due,
        days_left=(due - ctx.today).days,
        rule=_LEADS_RULE(days=days),
        basis=_BASIS(),
        explanation=_LEADS_EXPLAIN(),
        record_table="supervision_lead",
    )


def _imports(ctx: AgendaContext) -> Iterator[AgendaItem]:
    waiting = ctx.session.execute(
        select(LedgerImport.file_name, LedgerImport.imported_at)
        .where(
            of_station(LedgerImport, ctx.station_id),
            LedgerImport.deleted_at.is_(None),
            LedgerImport.status.in_((e.LedgerImportStatus.PENDING.value, e.LedgerImportStatus.PARTLY.value)),
        )
        .order_by(LedgerImport.imported_at.desc())
    ).all()
    if not waiting:
        return
    latest = waiting[0]
    yield AgendaItem(
        level="info",
        kind=LEDGER_KIND,
        title=_LEDGER_TITLE(count=len(waiting)),
        subject=_LEDGER_SUBJECT(file=latest.file_name, day=local_date(latest.imported_at)),
        due=None,
        days_left=None,
        rule=_LEDGER_RULE(),
        basis=_BASIS(),
        explanation=_LEDGER_EXPLAIN(),
        record_table="ledger_import",
    )
