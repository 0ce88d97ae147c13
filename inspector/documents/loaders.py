"""Read one document's content from the store: the record, the station, user names, the settings, and
the confidential sources linked to it (whose names never appear in documents for the detention centre).

Each loader returns the plain dataclass its builder takes (``load_notice`` → ``build_notice`` …).
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.documents.common import to_uuid
from inspector.documents.numbering import numbering_settings
from inspector.documents.official import (
    NoticeDoc,
    NumberAlign,
    OfficialStyle,
    SuggestionDoc,
    notice_from_record,
    suggestion_from_record,
)
from inspector.documents.queries import (
    confidential_source_names,
    date_style,
    load_station,
    pseudonym_template,
    setting,
    user_names,
)
from inspector.documents.records import (
    MailboxDoc,
    OralCorrectionDoc,
    TalkDoc,
    letter_from_record,
    oral_correction_from_record,
    talk_from_record,
)
from inspector.documents.wording import load_wording
from inspector.store.models import (
    Detainee,
    Finding,
    MailboxLetter,
    MailboxOpening,
    OralCorrection,
    ProcuratorialSuggestion,
    RectificationNotice,
    Talk,
)
from inspector.store.repository import RecordNotFoundError, today_local
from inspector.store.store import Store

__all__ = ["load_mailbox", "load_notice", "load_oral_correction", "load_suggestion", "load_talk"]

SETTING_NUMBER_ALIGN = "doc_number_align"  # "right" (SPP 文书样本, the default) or "center" (GB/T 9704 公文)


def _number_align(s: Session, station_id: uuid.UUID) -> NumberAlign:
    return "center" if setting(s, station_id, SETTING_NUMBER_ALIGN, "right") == "center" else "right"


def _official_style(s: Session, station_id: uuid.UUID) -> OfficialStyle:
    return OfficialStyle(
        station=load_station(s, station_id),
        numbering=numbering_settings(s, station_id),
        pseudonym=pseudonym_template(s, station_id),
        doc_number_align=_number_align(s, station_id),
        wording=load_wording(s, station_id),
        date_style=date_style(s, station_id),
    )


def _resolve_id(store: Store, model: type[Any], key: str | uuid.UUID) -> uuid.UUID:
    """A record id from a UUID or a 文号."""
    if isinstance(key, uuid.UUID):
        return key
    try:
        return uuid.UUID(str(key))
    except ValueError:
        pass
    with store.session(read_only=True) as s:
        found = s.scalar(
            select(model.id).where(model.doc_number == str(key).strip(), model.deleted_at.is_(None))
        )
    if found is None:
        raise RecordNotFoundError(model.__tablename__, str(key))  # type: ignore[arg-type]
    return uuid.UUID(str(found))


def load_notice(store: Store, key: str | uuid.UUID) -> NoticeDoc:
    """The notice with id (or 文号) ``key``, confidential sources of its findings masked."""
    notice_id = _resolve_id(store, RectificationNotice, key)
    with store.session(read_only=True) as s:
        rec = s.get(RectificationNotice, notice_id)
        if rec is None or rec.deleted_at is not None:
            raise RecordNotFoundError("rectification_notice", notice_id)
        filters = [Finding.rectification_notice_id == rec.id]
        if rec.oral_correction_id is not None:
            filters.append(Finding.oral_correction_id == rec.oral_correction_id)
        own = [rec.detainee_id] if rec.detainee_id is not None else []
        sources = confidential_source_names(
            s,
            *filters,
            concerned=own,
            as_of=rec.issued_on or today_local(),
            # a 超期羁押 notice is about its detainee's custody and goes to the 办案机关: it names them
            named=own if rec.trigger == "overdue_custody" else (),
        )
        return notice_from_record(rec, style=_official_style(s, rec.station_id), confidential_names=sources)


def load_suggestion(store: Store, key: str | uuid.UUID) -> SuggestionDoc:
    suggestion_id = _resolve_id(store, ProcuratorialSuggestion, key)
    with store.session(read_only=True) as s:
        rec = s.get(ProcuratorialSuggestion, suggestion_id)
        if rec is None or rec.deleted_at is not None:
            raise RecordNotFoundError("procuratorial_suggestion", suggestion_id)
        sources = confidential_source_names(
            s, Finding.procuratorial_suggestion_id == rec.id, as_of=rec.issued_on or today_local()
        )
        return suggestion_from_record(
            rec, style=_official_style(s, rec.station_id), confidential_names=sources
        )


def load_oral_correction(store: Store, key: str | uuid.UUID) -> OralCorrectionDoc:
    oral_id = to_uuid(key)
    if oral_id is None:
        raise RecordNotFoundError("oral_correction", key)  # type: ignore[arg-type]
    with store.session(read_only=True) as s:
        rec = s.get(OralCorrection, oral_id)
        if rec is None or rec.deleted_at is not None:
            raise RecordNotFoundError("oral_correction", oral_id)
        escalated = s.scalar(
            select(RectificationNotice.doc_number).where(
                RectificationNotice.oral_correction_id == rec.id, RectificationNotice.deleted_at.is_(None)
            )
        )
        return oral_correction_from_record(
            rec,
            station=load_station(s, rec.station_id),
            issuers=user_names(s, rec.issuer_ids),
            escalated_to=escalated,
            confidential_names=confidential_source_names(
                s, Finding.oral_correction_id == rec.id, as_of=rec.issued_on
            ),
            pseudonym=pseudonym_template(s, rec.station_id),
        )


def load_talk(store: Store, key: str | uuid.UUID) -> TalkDoc:
    talk_id = to_uuid(key)
    if talk_id is None:
        raise RecordNotFoundError("talk", key)  # type: ignore[arg-type]
    with store.session(read_only=True) as s:
        rec = s.get(Talk, talk_id)
        if rec is None or rec.deleted_at is not None:
            raise RecordNotFoundError("talk", talk_id)
        detainee = s.get(Detainee, rec.detainee_id)
        recorder = user_names(s, [rec.recorder_id]) if rec.recorder_id else []
        return talk_from_record(
            rec,
            station=load_station(s, rec.station_id),
            detainee=detainee,
            interviewers=user_names(s, rec.interviewer_ids),
            recorder=recorder[0] if recorder else None,
        )


def load_mailbox(store: Store, key: str | uuid.UUID, *, for_detention_center: bool = False) -> MailboxDoc:
    opening_id = to_uuid(key)
    if opening_id is None:
        raise RecordNotFoundError("mailbox_opening", key)  # type: ignore[arg-type]
    with store.session(read_only=True) as s:
        rec = s.get(MailboxOpening, opening_id)
        if rec is None or rec.deleted_at is not None:
            raise RecordNotFoundError("mailbox_opening", opening_id)
        rows = s.execute(
            select(MailboxLetter, Detainee.name)
            .outerjoin(Detainee, MailboxLetter.detainee_id == Detainee.id)
            .where(MailboxLetter.opening_id == rec.id, MailboxLetter.deleted_at.is_(None))
            .order_by(MailboxLetter.serial_no)
        ).all()
        station = load_station(s, rec.station_id)
        return MailboxDoc(
            organisation=station.name,
            opened_at=rec.opened_at,
            location=rec.mailbox_location,
            openers=user_names(s, rec.opener_ids),
            letter_count=max(rec.letter_count, len(rows)),
            has_valuable_lead=rec.has_valuable_lead,
            lead_summary=rec.lead_summary,
            letters=[letter_from_record(letter, name) for letter, name in rows],
            for_detention_center=for_detention_center,
            pseudonym=pseudonym_template(s, rec.station_id),
        )
