"""Load a record for editing, save it, delete and restore it: the one way records change.

Every write runs in one transaction that checks the actor's role, validates the merged record
against its spec, compares the version the form was loaded at with the record as it is now (another
window or a sync pull may have changed it: the save is refused with both values, never applied over
it), writes, and appends an audit entry (who, device, record, changed fields) to the hash chain. The
outbox triggers capture the write for the office in the same transaction.

A record's *version* is a digest of all its stored values, so any change from anywhere — this laptop,
another window, a pulled row — gives a new version.

Children edited inline with their parent (a patrol's findings, an opening's letters, a detainee's
custody events) are saved in the parent's transaction: all or nothing.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import UniqueConstraint, insert, inspect, select
from sqlalchemy.orm import Session

from inspector.documents.rules_bridge import holiday_calendar, rule_settings
from inspector.domain.catalogue import CATALOGUE, FieldKind, field_of, fields_of, kind_label, label
from inspector.domain.errors import FieldError, InspectorError, ValidationError
from inspector.domain.records import SPECS
from inspector.domain.validation import SHANGHAI, is_empty
from inspector.rules.deadlines import oral_follow_up_due
from inspector.security import audit
from inspector.services.policy import Actor, Permission, require
from inspector.store.base import Base, Synced
from inspector.store.models import Detainee, MailboxLetter, Station
from inspector.store.repository import RecordNotFoundError, prepare_row, python_defaults, today_local
from inspector.store.store import Store
from inspector.store.types import utc_now

__all__ = [
    "CHILDREN",
    "ChildChange",
    "EditState",
    "Saved",
    "StaleEditError",
    "delete",
    "load_for_edit",
    "model_of",
    "restore",
    "save",
    "version_of",
]

# parent kind → (child kind, the child's column that points at the parent)
CHILDREN: dict[str, tuple[str, str]] = {
    "patrol": ("finding", "patrol_id"),
    "talk": ("finding", "talk_id"),
    "mailbox_opening": ("mailbox_letter", "opening_id"),
    "mailbox_letter": ("finding", "letter_id"),
    "detainee": ("custody_event", "detainee_id"),
}

# Columns a service may set besides the catalogue's editable fields: links between records.
LINKS: dict[str, frozenset[str]] = {
    "finding": frozenset(
        {
            "patrol_id",
            "talk_id",
            "letter_id",
            "oral_correction_id",
            "rectification_notice_id",
            "procuratorial_suggestion_id",
            "detainee_ids",
        }
    ),
    "mailbox_letter": frozenset({"opening_id"}),
    "custody_event": frozenset({"detainee_id"}),
    "rectification_notice": frozenset({"oral_correction_id"}),
    "talk": frozenset({"linked_letter_id", "recorder_id"}),
    "daily_log": frozenset({"author_id"}),
    "attachment": frozenset({"record_table", "record_id", "sha256", "filename", "media_type", "size"}),
}

# What a finding is about, by the parent it is entered under.
_FINDING_SOURCE = {"patrol": "patrol", "talk": "talk", "mailbox_letter": "mailbox"}


class StaleEditError(InspectorError):
    """The record changed after the form loaded it. ``theirs`` holds its values now, ``fields`` the
    fields that differ from what the form was based on (what the form shows side by side)."""

    def __init__(self, kind: str, record_id: uuid.UUID, theirs: dict[str, Any], fields: list[str]) -> None:
        names = "、".join(label(kind, f) for f in fields) or "记录"
        super().__init__(
            f"这条{kind_label(kind)}在您打开之后已被修改（{names}），未保存。"
            "请对照当前内容后重新修改并保存。",
            f"{kind} {record_id} changed since it was loaded ({', '.join(fields)}); not saved",
        )
        self.kind = kind
        self.record_id = record_id
        self.theirs = theirs
        self.fields = fields


@dataclass(frozen=True)
class ChildChange:
    """A child row edited inline: new (``record_id`` None), changed, or deleted."""

    changes: Mapping[str, Any]
    record_id: uuid.UUID | None = None
    base_version: str | None = None
    delete: bool = False


@dataclass(frozen=True)
class ChildState:
    record_id: uuid.UUID
    values: dict[str, Any]
    version: str


@dataclass(frozen=True)
class EditState:
    """What a form needs: the values of the editable fields, the version they are at, and children."""

    kind: str
    record_id: uuid.UUID | None
    values: dict[str, Any]
    version: str | None
    children: list[ChildState] = field(default_factory=list)
    links: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Saved:
    record_id: uuid.UUID
    version: str
    child_ids: list[uuid.UUID]


# ---- models and versions ------------------------------------------------------------------------


def model_of(kind: str) -> type[Synced]:
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if getattr(cls, "__tablename__", None) == kind and issubclass(cls, Synced):
            return cls
    raise KeyError(kind)


def _columns(model: type[Any]) -> list[str]:
    return [c.key for c in inspect(model).column_attrs]


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return value


def version_of(obj: Any) -> str:
    """A digest of every stored value of ``obj``: changes whenever anything about the row changes."""
    values = {k: _jsonable(getattr(obj, k)) for k in _columns(type(obj))}
    body = json.dumps(values, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:24]


def _editable(kind: str) -> list[str]:
    return [f.name for f in fields_of(kind)]


def _values(obj: Any, kind: str) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in _editable(kind)}


# ---- loading --------------------------------------------------------------------------------------


def load_for_edit(
    store: Store,
    kind: str,
    record_id: uuid.UUID | None = None,
    *,
    actor: Actor | None = None,
    links: Mapping[str, Any] | None = None,
) -> EditState:
    """The record's editable values and version; for a new record, its defaults (today, now, the
    signed-in user, the previous record's areas / place / addressee) plus ``links`` (e.g. the
    finding a new notice comes from)."""
    model = model_of(kind)
    with store.session(read_only=True) as s:
        if record_id is None:
            values = _defaults(s, kind, model, actor)
            return EditState(kind, None, values, None, [], dict(links or {}))
        obj = s.get(model, record_id)
        if obj is None or obj.deleted_at is not None:
            raise RecordNotFoundError(kind, record_id)
        children: list[ChildState] = []
        if kind in CHILDREN:
            child_kind, link = CHILDREN[kind]
            child_model = model_of(child_kind)
            rows = s.scalars(
                select(child_model)
                .where(getattr(child_model, link) == record_id, child_model.deleted_at.is_(None))
                .order_by(child_model.created_at)
            )
            children = [ChildState(c.id, _values(c, child_kind), version_of(c)) for c in rows]
        kept_links = {k: getattr(obj, k) for k in LINKS.get(kind, ()) if hasattr(obj, k)}
        return EditState(kind, record_id, _values(obj, kind), version_of(obj), children, kept_links)


def _now_rounded() -> datetime:
    now = datetime.now(SHANGHAI).replace(second=0, microsecond=0)
    return now - timedelta(minutes=now.minute % 5)


def _defaults(s: Session, kind: str, model: type[Synced], actor: Actor | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    last = s.scalar(
        select(model).where(model.deleted_at.is_(None)).order_by(model.created_at.desc()).limit(1)
    )
    for f in fields_of(kind):
        if f.default == "today":
            out[f.name] = today_local()
        elif f.default == "now":
            now = _now_rounded()
            out[f.name] = now.time() if f.kind is FieldKind.TIME else now
        elif f.default == "me" and actor is not None and actor.user_id is not None:
            out[f.name] = [str(actor.user_id)] if f.kind is FieldKind.USERS else str(actor.user_id)
        elif f.default == "last" and last is not None:
            out[f.name] = getattr(last, f.name)
        else:
            out[f.name] = None
    station = s.scalar(select(Station).limit(1))
    if station is not None:
        if kind in ("rectification_notice", "procuratorial_suggestion"):
            out["issuer_name"] = out.get("issuer_name") or station.procuratorate
            out["addressee"] = out.get("addressee") or station.detention_center
        if kind == "oral_correction":
            out["addressee_unit"] = out.get("addressee_unit") or station.detention_center
    for name, value in python_defaults(model).items():
        if name in out and out[name] is None:
            out[name] = value
    return out


# ---- saving ---------------------------------------------------------------------------------------


def _clean(kind: str, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Refuse columns a form may not set; trim text; empty text becomes None."""
    allowed = set(_editable(kind)) | LINKS.get(kind, frozenset())
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise ValidationError(
            kind,
            [
                FieldError(k, f"字段「{label(kind, k)}」不能在此修改", f"{k} cannot be set here")
                for k in unknown
            ],
        )
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if isinstance(value, str):
            value = value.strip()
            if value == "":
                value = None
        out[key] = value
    return out


def _refuse_missing(kind: str, values: Mapping[str, Any]) -> None:
    """Required catalogue fields (the spec checks its own; this covers form-only requirements)."""
    errors = [
        FieldError(f.name, f"请填写{f.label}", f"{f.name} is required")
        for f in fields_of(kind)
        if f.required and (is_empty(values.get(f.name)) or values.get(f.name) == [])
    ]
    if errors:
        raise ValidationError(kind, errors)


def _insert(
    s: Session, kind: str, values: Mapping[str, Any], actor: Actor, *, action: str = "create"
) -> Synced:
    model = model_of(kind)
    row = prepare_row(model, values, actor.write_actor, today_local(), utc_now())
    _refuse_missing(kind, row)
    _refuse_duplicate(s, kind, model, row)
    obj = model(**row)
    s.add(obj)
    s.flush()
    _fill_derived(s, kind, obj)
    audit.record(
        s,
        action,
        user_id=actor.user_id,
        device_id=actor.device_id,
        table_name=kind,
        row_id=obj.id,
        detail={"fields": sorted(k for k, v in values.items() if v is not None)},
    )
    return obj


def insert_record(
    s: Session, kind: str, values: Mapping[str, Any], actor: Actor, *, action: str = "create"
) -> Synced:
    """A new record in the caller's transaction, as :func:`save` writes it (cleaned, validated, audited,
    captured for sync): for a bulk import that writes many in one transaction."""
    return _insert(s, kind, _clean(kind, values), actor, action=action)


def insert_records(
    s: Session,
    kind: str,
    many: Sequence[Mapping[str, Any]],
    actor: Actor,
    *,
    action: str = "create",
    validated: bool = False,
) -> list[uuid.UUID]:
    """Many new records in the caller's transaction, each as :func:`insert_record` writes it
    (cleaned, validated, audited, captured for sync by the triggers), in one multi-row insert: a
    roster import. ``validated``: the caller has just checked these values against the kind's spec
    (the import's preview), so they are not checked twice. Kinds whose saving fills derived values
    or checks unique keys go one by one."""
    model = model_of(kind)
    table = model.__table__  # type: ignore[attr-defined]
    if kind in ("oral_correction", "talk") or any(isinstance(c, UniqueConstraint) for c in table.constraints):
        return [insert_record(s, kind, values, actor, action=action).id for values in many]
    today, now = today_local(), utc_now()
    rows, cleaned = [], []
    for values in many:
        clean = _clean(kind, values)
        row = prepare_row(model, clean, actor.write_actor, today, now, validate=not validated)
        _refuse_missing(kind, row)
        rows.append(row)
        cleaned.append(clean)
    if not rows:
        return []
    keys = {k for row in rows for k in row}
    s.execute(insert(table), [{k: row.get(k) for k in keys} for row in rows])
    audit.record_many(
        s,
        [
            {
                "action": action,
                "user_id": actor.user_id,
                "device_id": actor.device_id,
                "table_name": kind,
                "row_id": row["id"],
                "detail": {"fields": sorted(k for k, v in values.items() if v is not None)},
            }
            for row, values in zip(rows, cleaned, strict=True)
        ],
    )
    return [row["id"] for row in rows]


class DuplicateRecordError(ValidationError):
    """A record with the same unique values exists (one daily log per day, one report per month)."""


def _refuse_duplicate(s: Session, kind: str, model: type[Synced], row: Mapping[str, Any]) -> None:
    """Say which field repeats an existing record, instead of failing on the database's constraint."""
    for constraint in model.__table__.constraints:  # type: ignore[attr-defined]
        if not isinstance(constraint, UniqueConstraint):
            continue
        names = [c.name for c in constraint.columns if c.name != "station_id"]
        if not names or any(row.get(n) is None for n in names):
            continue
        stmt = select(model.id).where(
            model.station_id == row["station_id"], *(getattr(model, n) == row[n] for n in names)
        )
        if s.scalar(stmt.limit(1)) is not None:
            shown = "、".join(f"{label(kind, n)}为{row[n]}" for n in names)
            raise DuplicateRecordError(
                kind,
                [
                    FieldError(
                        names[0],
                        f"已有{shown}的{kind_label(kind)}（含已删除的），请打开那一条修改",
                        f"a {kind} with {', '.join(names)} = {[row[n] for n in names]} exists",
                    )
                ],
            )


def _live(s: Session, kind: str, record_id: uuid.UUID) -> Any:
    obj = s.get(model_of(kind), record_id)
    if obj is None or obj.deleted_at is not None:
        raise RecordNotFoundError(kind, record_id)
    return obj


def _check_version(kind: str, obj: Any, base_version: str | None, changes: Mapping[str, Any]) -> None:
    if base_version is None or version_of(obj) == base_version:
        return
    theirs = _values(obj, kind)
    raise StaleEditError(kind, obj.id, theirs, sorted(k for k in changes if k in theirs))


def apply_update(
    s: Session,
    kind: str,
    obj: Any,
    changes: Mapping[str, Any],
    actor: Actor,
    *,
    action: str = "update",
    detail: Mapping[str, Any] | None = None,
) -> list[str]:
    """Validate ``obj`` with ``changes`` applied, write the changed fields and audit them."""
    changed = {k: v for k, v in changes.items() if getattr(obj, k) != v}
    if not changed and action == "update":
        return []
    merged = {c: getattr(obj, c) for c in _columns(type(obj))}
    merged.update(changed)
    SPECS[kind].validate(merged, today=today_local())
    if kind in CATALOGUE:
        _refuse_missing(kind, merged)
    for key, value in changed.items():
        setattr(obj, key, value)
    obj.updated_by = actor.user_id
    obj.device_id = actor.device_id
    s.flush()
    audit.record(
        s,
        action,
        user_id=actor.user_id,
        device_id=actor.device_id,
        table_name=kind,
        row_id=obj.id,
        detail={"fields": sorted(changed), **(detail or {})},
    )
    return sorted(changed)


def save(
    store: Store,
    kind: str,
    record_id: uuid.UUID | None,
    changes: Mapping[str, Any],
    base_version: str | None,
    actor: Actor,
    *,
    children: Sequence[ChildChange] = (),
    from_finding: uuid.UUID | None = None,
) -> Saved:
    """Create (``record_id`` None) or update a record and its inline children, in one transaction.

    ``changes`` holds only what the form changed (for a new record: every value it has);
    ``base_version`` is the version the form loaded. Raises :class:`ValidationError` (nothing
    written), :class:`StaleEditError`, :class:`~inspector.services.policy.PermissionDeniedError`.
    ``from_finding``: a new correction raised from that finding; the finding is linked to it.
    """
    require(actor, Permission.EDIT)
    clean = _clean(kind, changes)
    child_kind, link = CHILDREN.get(kind, ("", ""))
    if children and not child_kind:
        raise InspectorError(f"{kind_label(kind)}没有附属记录", f"{kind} has no inline children")
    prepared = [(c, _clean(child_kind, c.changes)) for c in children]
    with store.session() as s:
        if record_id is None:
            obj = _insert(s, kind, clean, actor)
        else:
            obj = _live(s, kind, record_id)
            _check_version(kind, obj, base_version, clean)
            apply_update(s, kind, obj, clean, actor)
        child_ids = [_save_child(s, kind, obj, child_kind, link, c, vals, actor) for c, vals in prepared]
        _after_children(s, kind, obj, actor)
        if from_finding is not None:
            link_finding(s, from_finding, kind, obj.id, actor)
        s.flush()
        return Saved(obj.id, version_of(obj), [i for i in child_ids if i is not None])


def _save_child(
    s: Session,
    parent_kind: str,
    parent: Any,
    kind: str,
    link: str,
    change: ChildChange,
    values: dict[str, Any],
    actor: Actor,
) -> uuid.UUID | None:
    if change.record_id is None:
        if change.delete:
            return None
        values[link] = parent.id
        if kind == "finding":
            values.setdefault("source", _FINDING_SOURCE.get(parent_kind, "other"))
            values.setdefault("found_on", _parent_day(parent_kind, parent))
        return _insert(s, kind, values, actor).id
    obj = _live(s, kind, change.record_id)
    if getattr(obj, link) != parent.id:
        raise InspectorError("附属记录不属于该记录", f"{kind} {obj.id} does not belong to {parent.id}")
    _check_version(kind, obj, change.base_version, values)
    if change.delete:
        _soft_delete(s, kind, obj, actor)
        return None
    apply_update(s, kind, obj, values, actor)
    return obj.id  # type: ignore[no-any-return]


def _parent_day(kind: str, parent: Any) -> date:
    for name in ("patrol_date", "accepted_on", "talk_at", "opened_at"):
        value = getattr(parent, name, None)
        if isinstance(value, datetime):
            return value.astimezone(SHANGHAI).date()
        if isinstance(value, date):
            return value
    return today_local()


_FINDING_LINKS = {
    "oral_correction": "oral_correction_id",
    "rectification_notice": "rectification_notice_id",
    "procuratorial_suggestion": "procuratorial_suggestion_id",
}


def link_finding(s: Session, finding_id: uuid.UUID, kind: str, record_id: uuid.UUID, actor: Actor) -> None:
    """Point a finding at the correction raised from it (in the caller's transaction)."""
    column = _FINDING_LINKS.get(kind)
    if column is None:
        raise InspectorError(f"{kind_label(kind)}不能关联发现的问题", f"{kind} cannot be linked to a finding")
    apply_update(s, "finding", _live(s, "finding", finding_id), {column: record_id}, actor)


def _fill_derived(s: Session, kind: str, obj: Any) -> None:
    if kind == "oral_correction" and obj.follow_up_due is None:
        settings, calendar = rule_settings(s, obj.station_id), holiday_calendar(s)
        obj.follow_up_due = oral_follow_up_due(obj.issued_on, settings, calendar).due
    if kind == "talk" and obj.detainee_id is not None and not obj.detainee_snapshot:
        person = s.get(Detainee, obj.detainee_id)
        if person is not None:
            obj.detainee_snapshot = _snapshot(person)


def _snapshot(p: Detainee) -> dict[str, Any]:
    """The particulars a talk record keeps, as they are at the talk."""
    return {
        "name": p.name,
        "gender": p.gender,
        "birth_date": p.birth_date.isoformat() if p.birth_date else None,
        "block": p.block,
        "cell": p.cell,
        "stage": p.stage,
        "stage_started_on": p.stage_started_on.isoformat() if p.stage_started_on else None,
        "legal_status": p.legal_status,
        "admitted_on": p.admitted_at.astimezone(SHANGHAI).date().isoformat() if p.admitted_at else None,
        "charges": p.charges,
    }


def _after_children(s: Session, kind: str, obj: Any, actor: Actor) -> None:
    if kind == "mailbox_opening":
        s.flush()
        count = len(
            s.scalars(
                select(MailboxLetter.id).where(
                    MailboxLetter.opening_id == obj.id, MailboxLetter.deleted_at.is_(None)
                )
            ).all()
        )
        if obj.letter_count != count:
            obj.letter_count = count


# ---- deleting -------------------------------------------------------------------------------------


def _soft_delete(s: Session, kind: str, obj: Any, actor: Actor) -> None:
    obj.deleted_at = utc_now()
    obj.updated_by = actor.user_id
    obj.device_id = actor.device_id
    s.flush()
    audit.record(
        s, "delete", user_id=actor.user_id, device_id=actor.device_id, table_name=kind, row_id=obj.id
    )


# A notice or suggestion may be deleted only before it is signed (later it is withdrawn or reviewed).
_DELETABLE_STATES = frozenset({"draft", "approved", "withdrawn"})


def delete(
    store: Store, kind: str, record_id: uuid.UUID, actor: Actor, *, base_version: str | None = None
) -> None:
    """Soft delete (a tombstone that syncs); :func:`restore` undoes it. A numbered document is never
    deleted: its 文号 was issued (it can be withdrawn only as a draft, or through a review)."""
    require(actor, Permission.EDIT)
    with store.session() as s:
        obj = _live(s, kind, record_id)
        _check_version(kind, obj, base_version, {})
        if getattr(obj, "doc_number", None) or getattr(obj, "state", "draft") not in _DELETABLE_STATES:
            raise InspectorError(
                f"{kind_label(kind)}{obj.doc_number or ''}已签发，不能删除（草稿可以撤回）",
                f"{kind} {obj.doc_number or obj.id} was issued and cannot be deleted",
            )
        _soft_delete(s, kind, obj, actor)
        if kind == "mailbox_letter":
            _after_children(s, "mailbox_opening", s.get(model_of("mailbox_opening"), obj.opening_id), actor)


def restore(store: Store, kind: str, record_id: uuid.UUID, actor: Actor) -> str:
    """Undo a soft delete (the status bar's 撤销); returns the record's new version."""
    require(actor, Permission.EDIT)
    with store.session() as s:
        obj: Any = s.get(model_of(kind), record_id)
        if obj is None or obj.deleted_at is None:
            raise RecordNotFoundError(kind, record_id)
        obj.deleted_at = None
        obj.updated_by = actor.user_id
        obj.device_id = actor.device_id
        s.flush()
        audit.record(
            s, "restore", user_id=actor.user_id, device_id=actor.device_id, table_name=kind, row_id=obj.id
        )
        if kind == "mailbox_letter":
            _after_children(s, "mailbox_opening", s.get(model_of("mailbox_opening"), obj.opening_id), actor)
        return version_of(obj)


def audit_event(store: Store, action: str, actor: Actor, kind: str | None, record_id: uuid.UUID | None,
                detail: Mapping[str, Any] | None = None) -> None:  # fmt: skip
    """An audit entry for what changes no record (print, save as PDF, export)."""
    with store.session() as s:
        audit.record(
            s,
            action,
            user_id=actor.user_id,
            device_id=actor.device_id,
            table_name=kind,
            row_id=record_id,
            detail=dict(detail or {}),
        )


def field_kind(kind: str, name: str) -> FieldKind | None:
    f = field_of(kind, name)
    return f.kind if f else None
