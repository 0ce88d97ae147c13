"""Store reads the document loaders share: the station, user names, settings, confidential sources."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, String, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from inspector.documents.common import StationInfo, to_uuid
from inspector.documents.confidential import DEFAULT_PSEUDONYM, Source
from inspector.documents.text import SETTING_DATE_STYLE
from inspector.domain.errors import InspectorError
from inspector.domain.validation import SHANGHAI
from inspector.store.models import (
    AppUser,
    CustodyEvent,
    Detainee,
    Finding,
    MailboxLetter,
    Station,
    StationSetting,
    Talk,
)

__all__ = [
    "SETTING_PSEUDONYM",
    "confidential_source_names",
    "count_events",
    "custody_events_of",
    "date_style",
    "live",
    "load_station",
    "pseudonym_template",
    "raw_id",
    "setting",
    "user_names",
]

SETTING_PSEUDONYM = "confidential_pseudonym"
ID_CHUNK = 5000  # ids per IN (...) list


def live(model: Any, station_id: uuid.UUID) -> list[Any]:
    """Filters for the station's records that are not deleted.

    The station test is wrapped in SQLite's ``likely()`` so that the planner does not pick the
    ``station_id`` index (every row of a laptop's database has the same station) over a date index,
    or over a plain table scan, which is far faster than walking that index row by row."""
    unindexed = func.likely(model.station_id, type_=model.station_id.type)
    return [unindexed == station_id, model.deleted_at.is_(None)]


def load_station(session: Session, station_id: uuid.UUID) -> StationInfo:
    station = session.get(Station, station_id)
    if station is None:
        raise InspectorError(
            "本机尚未设置检察室：请运行 inspector init", "no station set up: run `inspector init`"
        )
    return StationInfo.of(station)


def setting(session: Session, station_id: uuid.UUID, key: str, default: Any = None) -> Any:
    value = session.scalar(
        select(StationSetting.value).where(
            StationSetting.station_id == station_id,
            StationSetting.key == key,
            StationSetting.deleted_at.is_(None),
        )
    )
    return default if value is None else value


def pseudonym_template(session: Session, station_id: uuid.UUID) -> str:
    """The station's pseudonym for confidential sources (setting ``confidential_pseudonym``)."""
    return str(setting(session, station_id, SETTING_PSEUDONYM, DEFAULT_PSEUDONYM))


def date_style(session: Session, station_id: uuid.UUID) -> str:
    """How documents write their own date (setting ``doc_date_style``): "arabic" or "chinese"."""
    value = setting(session, station_id, SETTING_DATE_STYLE, "arabic")
    return "chinese" if value == "chinese" else "arabic"


def user_names(session: Session, ids: Iterable[Any]) -> list[str]:
    """Display names of app users in the order of ``ids`` (unknown ids are skipped; free text kept)."""
    wanted = list(ids or [])
    uuids = [u for u in (to_uuid(i) for i in wanted) if u is not None]
    names: dict[uuid.UUID, str] = {}
    if uuids:
        rows = session.execute(select(AppUser.id, AppUser.display_name).where(AppUser.id.in_(uuids)))
        names = {row.id: row.display_name for row in rows}
    out: list[str] = []
    for raw in wanted:
        u = to_uuid(raw)
        if u is not None:
            if u in names:
                out.append(names[u])
        elif raw:
            out.append(str(raw))  # a name typed in instead of an id
    return out


def confidential_source_names(
    session: Session,
    *finding_filters: ColumnElement[bool],
    concerned: Iterable[Any] = (),
    as_of: date | None = None,
    named: Iterable[Any] = (),
) -> list[Source]:
    """Names of the confidential sources a document for the detention centre must not name.

    The masking follows the person, not only the links: (1) the people behind confidential talks and
    letters linked to the findings selected by ``finding_filters`` (OR-ed); (2) anyone the document is
    about — the ``concerned`` detainee ids (a notice's own detainee) and the people its findings list
    — who is the source of any confidential letter or talk received by ``as_of`` (the document's date),
    since naming them beside the matter would point at them. Each under every name recorded for them
    (the register's and the one written at the talk). ``named`` are detainee ids the document must name
    whatever they reported (a 超期羁押 notice's own detainee: the notice is about their custody)."""
    people: set[uuid.UUID] = {u for u in (to_uuid(i) for i in concerned) if u is not None}
    talk_alive, letter_alive = Talk.deleted_at.is_(None), MailboxLetter.deleted_at.is_(None)
    if finding_filters:
        which = or_(*finding_filters)
        alive = Finding.deleted_at.is_(None)
        talks = session.execute(
            select(Talk.detainee_id)
            .select_from(Finding)
            .join(Talk, Finding.talk_id == Talk.id)
            .where(which, alive, talk_alive, Talk.confidential.is_(True))
        ).all()
        letters = session.execute(
            select(MailboxLetter.detainee_id)
            .select_from(Finding)
            .join(MailboxLetter, Finding.letter_id == MailboxLetter.id)
            .where(which, alive, letter_alive, MailboxLetter.confidential.is_(True))
        ).all()
        sources = {row[0] for row in [*talks, *letters] if row[0] is not None}
        for ids in session.scalars(select(Finding.detainee_ids).where(which, alive)):
            people.update(u for u in (to_uuid(i) for i in ids or []) if u is not None)
    else:
        sources = set()
    if people:
        letter_filter: list[ColumnElement[bool]] = [
            letter_alive,
            MailboxLetter.confidential.is_(True),
            MailboxLetter.detainee_id.in_(people),
        ]
        talk_filter: list[ColumnElement[bool]] = [
            talk_alive,
            Talk.confidential.is_(True),
            Talk.detainee_id.in_(people),
        ]
        if as_of is not None:
            letter_filter.append(MailboxLetter.accepted_on <= as_of)
            talk_filter.append(Talk.talk_at < day_end(as_of))
        sources.update(session.scalars(select(MailboxLetter.detainee_id).where(*letter_filter)))
        sources.update(session.scalars(select(Talk.detainee_id).where(*talk_filter)))
    sources -= {u for u in (to_uuid(i) for i in named) if u is not None}
    if not sources:
        return []
    names: dict[uuid.UUID, set[str]] = defaultdict(set)
    for pid, name in session.execute(select(Detainee.id, Detainee.name).where(Detainee.id.in_(sources))):
        names[pid].add(name)
    for pid, snapshot in session.execute(
        select(Talk.detainee_id, Talk.detainee_snapshot).where(Talk.detainee_id.in_(sources), talk_alive)
    ):
        if isinstance(snapshot, Mapping) and snapshot.get("name"):
            names[pid].add(str(snapshot["name"]))
    people_names = [tuple(sorted(n for n in group if n)) for group in names.values()]
    return sorted((p[0] if len(p) == 1 else p) for p in people_names if p)


def day_end(day: date) -> datetime:
    """The first instant after ``day`` in Beijing, as an aware timestamp."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=SHANGHAI)


def raw_id(column: Any) -> Any:
    """A UUID column as the text SQLite stores (32 hex digits): no ``uuid.UUID`` built per row."""
    return type_coerce(column, String)


def _hex(ids: Iterable[Any]) -> list[str]:
    return [i.hex if isinstance(i, uuid.UUID) else str(i) for i in ids]


def custody_events_of(session: Session, ids: list[Any], last: date) -> dict[str, list[Any]]:
    """Custody events up to ``last`` of the detainees ``ids`` (looked up through the detainee index),
    keyed by the detainee id as 32 hex digits (see :func:`raw_id`)."""
    events: dict[str, list[Any]] = defaultdict(list)
    hexes = _hex(ids)
    for i in range(0, len(hexes), ID_CHUNK):
        for ev in session.execute(
            select(
                raw_id(CustodyEvent.detainee_id).label("detainee_id"),
                CustodyEvent.kind,
                CustodyEvent.occurred_on,
                CustodyEvent.extension_months,
                CustodyEvent.extension_days,
                CustodyEvent.legal_basis,
            ).where(
                raw_id(CustodyEvent.detainee_id).in_(hexes[i : i + ID_CHUNK]),
                CustodyEvent.deleted_at.is_(None),
                CustodyEvent.occurred_on <= last,
            )
        ):
            events[ev.detainee_id].append(ev)
    return events


def count_events(
    session: Session, ids: list[Any], first: date, last: date, kinds: Iterable[str]
) -> dict[str, int]:
    """Custody events of ``kinds`` between ``first`` and ``last`` of the detainees ``ids``, by kind."""
    out: dict[str, int] = defaultdict(int)
    wanted = list(kinds)
    hexes = _hex(ids)
    for i in range(0, len(hexes), ID_CHUNK):
        for kind, n in session.execute(
            select(CustodyEvent.kind, func.count())
            .where(
                raw_id(CustodyEvent.detainee_id).in_(hexes[i : i + ID_CHUNK]),
                CustodyEvent.deleted_at.is_(None),
                CustodyEvent.occurred_on >= first,
                CustodyEvent.occurred_on <= last,
                CustodyEvent.kind.in_(wanted),
            )
            .group_by(CustodyEvent.kind)
        ):
            out[kind] += int(n)
    return dict(out)
