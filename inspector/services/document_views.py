"""What the document pages read, and the reply scan they attach.

A page showing a 纠正违法通知书 or 检察建议书 (or an oral correction) needs more than the form's
editable fields: the life-cycle columns (state, 文号, dates, reply due), the findings it handles, the
oral correction it escalates, the scans attached to it, and a couple of defaults for the step dialogs
(the last 检察长 who approved, the higher procuratorate). :func:`load_document` and
:func:`load_oral_correction` read all of it in one read-only session; the values come back as plain
data, safe to use on any thread.

:func:`attach_scan` stores a scan (e.g. the addressee's written reply) with the record through
:func:`inspector.services.attachments.add` (an entry in the audit chain with the file's name and digest).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.domain.errors import InspectorError
from inspector.domain.lifecycle import OralStatus, oral_status
from inspector.services import attachments
from inspector.services.attachments import AttachmentInfo, attachments_in
from inspector.services.policy import Actor
from inspector.services.records import version_of
from inspector.store.models import (
    Finding,
    OralCorrection,
    ProcuratorialSuggestion,
    RectificationNotice,
    Station,
)
from inspector.store.repository import RecordNotFoundError
from inspector.store.store import Store

__all__ = [
    "AttachmentInfo",
    "DocumentView",
    "FindingRef",
    "OralView",
    "attach_scan",
    "correction_kind",
    "load_document",
    "load_oral_correction",
]

NOTICE = "rectification_notice"
SUGGESTION = "procuratorial_suggestion"
ORAL = "oral_correction"

_DOCUMENT_MODELS: dict[str, Any] = {  # kind → model (typed loosely: the two share columns)
    NOTICE: RectificationNotice,
    SUGGESTION: ProcuratorialSuggestion,
}
_FINDING_COLUMN = {
    NOTICE: Finding.rectification_notice_id,
    SUGGESTION: Finding.procuratorial_suggestion_id,
    ORAL: Finding.oral_correction_id,
}


@dataclass(frozen=True)
class FindingRef:
    """A finding a correction handles (what the page shows of it)."""

    id: uuid.UUID
    found_on: date
    description: str
    location: str | None
    severity: str
    source: str
    resolved_on: date | None


@dataclass(frozen=True)
class OralView:
    """An oral correction as its page shows it; ``notice_id`` / ``notice_number``: the notice that
    escalated it, if any."""

    record_id: uuid.UUID
    version: str
    values: dict[str, Any]
    findings: list[FindingRef] = field(default_factory=list)
    notice_id: uuid.UUID | None = None
    notice_number: str | None = None
    notice_state: str | None = None
    notice_outcome: str | None = None  # the notice's 核实整改 (correction_status)
    attachments: list[AttachmentInfo] = field(default_factory=list)

    @property
    def corrected(self) -> bool:
        return bool(self.values.get("corrected"))

    @property
    def status(self) -> OralStatus:
        """What it reads as, the notice escalating it included (docs/domain.md, "An oral correction's
        state"): e.g. 已纠正（经纠正违法通知书）, 未整改（纠正违法通知书核实）."""
        return oral_status(self.corrected, self.notice_state, self.notice_outcome)

    @property
    def escalated(self) -> bool:
        return self.notice_id is not None


@dataclass(frozen=True)
class DocumentView:
    """A notice or a suggestion with everything its page shows.

    ``values`` holds every column of the record (state, 文号, dates, reply, follow-ups, …);
    ``version`` is what a life-cycle step is based on (``documents.step(..., base_version=…)``).
    """

    kind: str
    record_id: uuid.UUID
    version: str
    values: dict[str, Any]
    findings: list[FindingRef] = field(default_factory=list)
    oral: OralView | None = None
    attachments: list[AttachmentInfo] = field(default_factory=list)
    last_approver: str | None = None  # the 检察长 who approved this station's last document
    higher_procuratorate: str | None = None  # where 上报 goes by default

    @property
    def state(self) -> str:
        return str(self.values.get("state") or "draft")

    @property
    def doc_number(self) -> str | None:
        number = self.values.get("doc_number")
        return str(number) if number else None

    @property
    def facts(self) -> str:
        text = self.values.get("facts" if self.kind == NOTICE else "facts_found")
        return str(text or "")


def _row_values(obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns}


def _findings(s: Session, kind: str, record_id: uuid.UUID) -> list[FindingRef]:
    column = _FINDING_COLUMN[kind]
    rows = s.scalars(
        select(Finding)
        .where(column == record_id, Finding.deleted_at.is_(None))
        .order_by(Finding.found_on, Finding.created_at)
    )
    return [
        FindingRef(f.id, f.found_on, f.description, f.location, f.severity, f.source, f.resolved_on)
        for f in rows
    ]


def _oral_view(s: Session, oral: OralCorrection) -> OralView:
    notice = s.scalar(
        select(RectificationNotice)
        .where(RectificationNotice.oral_correction_id == oral.id, RectificationNotice.deleted_at.is_(None))
        .order_by(RectificationNotice.created_at)
        .limit(1)
    )
    return OralView(
        record_id=oral.id,
        version=version_of(oral),
        values=_row_values(oral),
        findings=_findings(s, ORAL, oral.id),
        notice_id=notice.id if notice is not None else None,
        notice_number=notice.doc_number if notice is not None else None,
        notice_state=notice.state if notice is not None else None,
        notice_outcome=notice.correction_status if notice is not None else None,
        attachments=attachments_in(s, ORAL, oral.id),
    )


def load_document(store: Store, kind: str, record_id: uuid.UUID) -> DocumentView:
    """A 纠正违法通知书 or 检察建议书 with its findings, its oral correction and its attachments."""
    model = _DOCUMENT_MODELS.get(kind)
    if model is None:
        raise InspectorError(f"{kind}不是纠正违法通知书或检察建议书", f"{kind} is not a written document")
    with store.session(read_only=True) as s:
        doc: Any = s.get(model, record_id)
        if doc is None or doc.deleted_at is not None:
            raise RecordNotFoundError(kind, record_id)
        oral = None
        if isinstance(doc, RectificationNotice) and doc.oral_correction_id is not None:
            oral_row = s.get(OralCorrection, doc.oral_correction_id)
            if oral_row is not None and oral_row.deleted_at is None:
                oral = _oral_view(s, oral_row)
        approvers: list[str | None] = []
        for other in _DOCUMENT_MODELS.values():
            approvers.append(
                s.scalar(
                    select(other.approved_by)
                    .where(other.approved_by.is_not(None), other.deleted_at.is_(None))
                    .order_by(other.approved_on.desc(), other.updated_at.desc())
                    .limit(1)
                )
            )
        higher = s.scalar(select(Station.higher_procuratorate).where(Station.id == doc.station_id))
        return DocumentView(
            kind=kind,
            record_id=doc.id,
            version=version_of(doc),
            values=_row_values(doc),
            findings=_findings(s, kind, doc.id),
            oral=oral,
            attachments=attachments_in(s, kind, doc.id),
            last_approver=next((a for a in approvers if a), None),
            higher_procuratorate=higher,
        )


def load_oral_correction(store: Store, oral_id: uuid.UUID) -> OralView:
    """An oral correction with its findings and the notice that escalated it (if any)."""
    with store.session(read_only=True) as s:
        oral = s.get(OralCorrection, oral_id)
        if oral is None or oral.deleted_at is not None:
            raise RecordNotFoundError(ORAL, oral_id)
        return _oral_view(s, oral)


def correction_kind(store: Store, record_id: uuid.UUID) -> str:
    """Which kind of correction ``record_id`` is: oral correction, notice or suggestion."""
    with store.session(read_only=True) as s:
        for kind, model in ((ORAL, OralCorrection), *_DOCUMENT_MODELS.items()):
            found = s.scalar(select(model.id).where(model.id == record_id, model.deleted_at.is_(None)))
            if found is not None:
                return kind
    raise RecordNotFoundError("correction", record_id)


_SCAN_KINDS: Sequence[str] = (NOTICE, SUGGESTION, ORAL)


def attach_scan(
    store: Store,
    kind: str,
    record_id: uuid.UUID,
    *,
    filename: str,
    media_type: str,
    data: bytes,
    caption: str | None,
    actor: Actor,
) -> uuid.UUID:
    """Attach a scan (e.g. the written reply) to a correction (:func:`attachments.add`: an ``attach``
    entry goes into the audit chain with the file's name and digest). Returns the attachment's id."""
    if kind not in _SCAN_KINDS:
        raise InspectorError(f"{kind}不能附加扫描件", f"cannot attach a scan to {kind}")
    added = attachments.add(
        store,
        kind,
        record_id,
        filename=filename,
        media_type=media_type,
        data=data,
        caption=caption,
        actor=actor,
    )
    return added.id
