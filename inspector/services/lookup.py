"""Small reads the forms need besides the record itself: who can be picked as a participant, how to
name a detainee whose id a record holds, the detainee picker's search (the store's
:func:`~inspector.store.queries.search_detainees`, offered here so that the UI reads through services),
and which corrections the findings of a form were raised as (:func:`finding_links`).

Read-only sessions only (``store.session(read_only=True)``): a form opening never waits for a writer.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.domain.catalogue import fields_of, kind_label
from inspector.domain.enums import DocumentState
from inspector.domain.lifecycle import oral_status
from inspector.services.records import version_of
from inspector.store.models import (
    AppUser,
    Detainee,
    Finding,
    OralCorrection,
    ProcuratorialSuggestion,
    RectificationNotice,
)
from inspector.store.queries import DetaineeHit, search_detainees
from inspector.store.store import Store

__all__ = [
    "CorrectionLink",
    "DetaineeHit",
    "FindingLinks",
    "UserOption",
    "detainee_label",
    "detainee_labels",
    "finding_links",
    "search_detainees",
    "user_options",
]


@dataclass(frozen=True)
class UserOption:
    """One line of a participants list: the user's id and name; ``active`` False for someone who has
    left but is still named on the record being edited."""

    id: uuid.UUID
    name: str
    active: bool = True


def _as_uuid(value: object) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):
        try:
            return uuid.UUID(value)
        except ValueError:
            return None
    return None


def user_options(store: Store, keep: Iterable[object] = ()) -> list[UserOption]:
    """The station's active users in the order they were added, then any user in ``keep`` (ids as
    UUIDs or strings, as records store them) who is no longer active, so a record never loses a name."""
    wanted = {u for u in (_as_uuid(v) for v in keep) if u is not None}
    with store.session(read_only=True) as s:
        rows = s.execute(
            select(AppUser.id, AppUser.display_name, AppUser.active, AppUser.deleted_at).order_by(
                AppUser.created_at, AppUser.username
            )
        ).all()
    out: list[UserOption] = []
    for row in rows:
        active = bool(row.active) and row.deleted_at is None
        if active:
            out.append(UserOption(row.id, row.display_name))
        elif row.id in wanted:
            out.append(UserOption(row.id, row.display_name, active=False))
    return out


def detainee_label(name: str, cell: str | None, id_tail: str | None) -> str:
    """How the picker names a person: 姓名 · 监室 · 身份证号后四位 (the parts that are known)."""
    parts = [name]
    if cell:
        parts.append(f"{cell}监室")
    if id_tail:
        parts.append(f"尾号{id_tail}")
    return " · ".join(parts)


def detainee_labels(store: Store, ids: Iterable[object]) -> dict[uuid.UUID, str]:
    """The picker's label for each detainee id in ``ids`` (unknown ids are left out)."""
    wanted = sorted({u for u in (_as_uuid(v) for v in ids) if u is not None})
    if not wanted:
        return {}
    with store.session(read_only=True) as s:
        rows = s.execute(
            select(Detainee.id, Detainee.name, Detainee.cell, Detainee.id_number).where(
                Detainee.id.in_(wanted)
            )
        ).all()
    return {
        row.id: detainee_label(row.name, row.cell, row.id_number[-4:] if row.id_number else None)
        for row in rows
    }


# ---- the corrections raised from findings ------------------------------------------------------------


@dataclass(frozen=True)
class CorrectionLink:
    """A correction a finding was raised as: its kind (``oral_correction``, ``rectification_notice``,
    ``procuratorial_suggestion``), id, name (纠正违法通知书 七检刑执纠违〔2026〕3号（已送达）) and short
    name for a finding's row (通知书〔2026〕3号, 建议书（草稿）, 口头纠正（跟踪中）)."""

    kind: str
    record_id: uuid.UUID
    label: str
    short: str = ""
    number: str | None = None  # the 文号 (None: a draft, or an oral correction)
    state: str = ""  # its state's Chinese label (an oral correction's short one), for a UI that words it


@dataclass(frozen=True)
class FindingLinks:
    """A saved finding as it is now: its version and editable values (a form holding the row can tell
    whether only its links changed) and the live corrections raised from it, the written ones first."""

    version: str
    values: dict[str, Any]
    links: tuple[CorrectionLink, ...] = field(default=())


_SHORT_KIND = {"rectification_notice": "通知书", "procuratorial_suggestion": "建议书"}


def _state_label(state: str | None) -> str:
    return next((m.label for m in DocumentState if m.value == state), state or "")


def _document_link(kind: str, doc: Any) -> CorrectionLink:
    number: str | None = doc.doc_number
    if not number:
        return CorrectionLink(
            kind,
            doc.id,
            f"{kind_label(kind)}（草稿）",
            f"{_SHORT_KIND[kind]}（草稿）",
            state=_state_label(doc.state),
        )
    label = f"{kind_label(kind)} {number}（{_state_label(doc.state)}）"
    year = number.find("〔")  # 七检刑执纠违〔2026〕3号 → 〔2026〕3号
    short = _SHORT_KIND[kind] + (number[year:] if year >= 0 else number)
    return CorrectionLink(kind, doc.id, label, short, number, _state_label(doc.state))


def _oral_link(s: Session, oral: OralCorrection) -> CorrectionLink:
    notice = s.scalar(
        select(RectificationNotice)
        .where(RectificationNotice.oral_correction_id == oral.id, RectificationNotice.deleted_at.is_(None))
        .order_by(RectificationNotice.created_at)
        .limit(1)
    )
    status = oral_status(
        oral.corrected,
        notice.state if notice is not None else None,
        notice.correction_status if notice is not None else None,
    )
    text = f"口头纠正（{status.short}）"
    return CorrectionLink("oral_correction", oral.id, text, text, state=status.short)


def finding_links(store: Store, finding_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, FindingLinks]:
    """For each live finding in ``finding_ids``: its version, values and the corrections raised from
    it (a notice, a suggestion, an oral correction — deleted ones are left out)."""
    wanted = sorted(set(finding_ids))
    if not wanted:
        return {}
    editable = [f.name for f in fields_of("finding")]
    out: dict[uuid.UUID, FindingLinks] = {}
    with store.session(read_only=True) as s:
        for finding in s.scalars(select(Finding).where(Finding.id.in_(wanted), Finding.deleted_at.is_(None))):
            links: list[CorrectionLink] = []
            for model, kind, doc_id in (
                (RectificationNotice, "rectification_notice", finding.rectification_notice_id),
                (ProcuratorialSuggestion, "procuratorial_suggestion", finding.procuratorial_suggestion_id),
            ):
                doc: Any = s.get(model, doc_id) if doc_id is not None else None
                if doc is not None and doc.deleted_at is None:
                    links.append(_document_link(kind, doc))
            oral = s.get(OralCorrection, finding.oral_correction_id) if finding.oral_correction_id else None
            if oral is not None and oral.deleted_at is None:
                links.append(_oral_link(s, oral))
            out[finding.id] = FindingLinks(
                version_of(finding), {n: getattr(finding, n) for n in editable}, tuple(links)
            )
    return out
