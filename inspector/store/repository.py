"""Repositories: the only way the app and the CLI read and write synced records.

Every write validates against the record's spec (``inspector.domain.records``), fills the sync
columns from the acting user and device, and runs in one short session. Objects handed out are
detached (``expire_on_commit=False``), so a screen can keep them without holding a session open.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy import ColumnElement, func, insert, inspect, select
from sqlalchemy.orm import Session

from inspector.domain.errors import FieldError, InspectorError, ValidationError
from inspector.domain.records import SPECS
from inspector.domain.validation import SHANGHAI, RecordSpec
from inspector.store.base import SYNC_COLUMNS, Synced
from inspector.store.types import utc_now

if TYPE_CHECKING:
    from inspector.store.store import Store

T = TypeVar("T", bound=Synced)

BULK_CHUNK = 2000


class RecordNotFoundError(InspectorError):
    code = "record_not_found"

    def __init__(self, kind: str, record_id: uuid.UUID) -> None:
        super().__init__(
            f"找不到记录：{kind} {record_id}",
            f"no such record: {kind} {record_id}",
            params={"kind": kind, "record_id": str(record_id)},
        )


@dataclass(frozen=True)
class Actor:
    """Who is writing: stamped into ``created_by``/``updated_by``/``device_id``/``station_id``."""

    station_id: uuid.UUID
    device_id: uuid.UUID
    user_id: uuid.UUID | None = None


def today_local() -> date:
    return datetime.now(SHANGHAI).date()


class Repository(Generic[T]):
    """Create, read, update and soft-delete one kind of synced record."""

    def __init__(self, store: Store, model: type[T]) -> None:
        self.store = store
        self.model = model
        table = model.__table__  # type: ignore[attr-defined]
        self.table_name: str = table.name
        self.spec: RecordSpec = SPECS[self.table_name]
        self._columns = frozenset(c.key for c in inspect(model).column_attrs)

    # ---- writing -------------------------------------------------------------------------------

    def add(self, values: Mapping[str, Any], *, actor: Actor | None = None) -> T:
        row = self._prepare_new(values, actor or self.store.actor, today_local(), utc_now())
        with self.store.session() as s:
            obj = self.model(**row)
            s.add(obj)
        return obj

    def add_many(self, rows: Iterable[Mapping[str, Any]], *, actor: Actor | None = None) -> int:
        """Validate and insert many rows with bulk INSERTs in one transaction (all or nothing)."""
        who = actor or self.store.actor
        today, now = today_local(), utc_now()
        # render_nulls: rows whose missing columns differ still go in one executemany, instead of the
        # ORM splitting the chunk into a statement per distinct set of NULL columns.
        statement = insert(self.model).execution_options(render_nulls=True)
        count = 0
        with self.store.session() as s:
            for chunk in _chunks(rows, BULK_CHUNK):
                prepared = [self._prepare_new(r, who, today, now) for r in chunk]
                s.execute(statement, prepared)
                count += len(prepared)
        return count

    def update(self, record_id: uuid.UUID, changes: Mapping[str, Any], *, actor: Actor | None = None) -> T:
        who = actor or self.store.actor
        self._refuse_unknown(changes)
        for protected in ("id", "station_id", "server_version", "created_at", "created_by"):
            if protected in changes:
                raise ValidationError(
                    self.table_name,
                    [FieldError(protected, f"{protected} 不能修改", f"{protected} cannot be changed")],
                )
        with self.store.session() as s:
            obj = self._get_live(s, record_id)
            merged = {k: getattr(obj, k) for k in self._columns}
            merged.update(changes)
            self.spec.validate(merged, today=today_local())
            for key, value in changes.items():
                setattr(obj, key, value)
            obj.updated_by = who.user_id
            obj.device_id = who.device_id
        return obj

    def soft_delete(self, record_id: uuid.UUID, *, actor: Actor | None = None) -> None:
        who = actor or self.store.actor
        with self.store.session() as s:
            obj = self._get_live(s, record_id)
            obj.deleted_at = utc_now()
            obj.updated_by = who.user_id
            obj.device_id = who.device_id

    def restore(self, record_id: uuid.UUID, *, actor: Actor | None = None) -> None:
        """Undo a soft delete (the status bar's 撤销)."""
        who = actor or self.store.actor
        with self.store.session() as s:
            obj = s.get(self.model, record_id)
            if obj is None or obj.deleted_at is None:
                raise RecordNotFoundError(self.table_name, record_id)
            obj.deleted_at = None
            obj.updated_by = who.user_id
            obj.device_id = who.device_id

    # ---- reading -------------------------------------------------------------------------------

    def get(self, record_id: uuid.UUID, *, include_deleted: bool = False) -> T | None:
        with self.store.session(read_only=True) as s:
            obj = s.get(self.model, record_id)
        if obj is None or (obj.deleted_at is not None and not include_deleted):
            return None
        return obj

    def require(self, record_id: uuid.UUID) -> T:
        obj = self.get(record_id)
        if obj is None:
            raise RecordNotFoundError(self.table_name, record_id)
        return obj

    def list(
        self,
        *where: ColumnElement[bool],
        order_by: Sequence[Any] = (),
        limit: int | None = None,
        offset: int = 0,
        include_deleted: bool = False,
    ) -> builtins.list[T]:
        stmt = select(self.model).where(*where, *self._live(include_deleted))
        stmt = stmt.order_by(*order_by).offset(offset).limit(limit)
        with self.store.session(read_only=True) as s:
            return list(s.scalars(stmt))

    def count(self, *where: ColumnElement[bool], include_deleted: bool = False) -> int:
        stmt = select(func.count()).select_from(self.model).where(*where, *self._live(include_deleted))
        with self.store.session(read_only=True) as s:
            return int(s.scalar(stmt) or 0)

    # ---- helpers -------------------------------------------------------------------------------

    def _live(self, include_deleted: bool) -> builtins.list[ColumnElement[bool]]:
        return [] if include_deleted else [self.model.deleted_at.is_(None)]

    def _get_live(self, s: Session, record_id: uuid.UUID) -> T:
        obj = s.get(self.model, record_id)
        if obj is None or obj.deleted_at is not None:
            raise RecordNotFoundError(self.table_name, record_id)
        return obj

    def _refuse_unknown(self, values: Mapping[str, Any]) -> None:
        unknown = sorted(set(values) - self._columns)
        if unknown:
            raise ValidationError(
                self.table_name,
                [FieldError(k, f"未知字段 {k}", f"unknown field {k} for {self.table_name}") for k in unknown],
            )

    def _prepare_new(
        self, values: Mapping[str, Any], who: Actor, today: date, now: datetime
    ) -> dict[str, Any]:
        return prepare_row(self.model, values, who, today, now)


def prepare_row(
    model: type[Any],
    values: Mapping[str, Any],
    who: Actor,
    today: date,
    now: datetime,
    *,
    validate: bool = True,
) -> dict[str, Any]:
    """A new row of ``model``: known columns only, defaults applied, validated (unless the caller has
    just checked these very values against the same spec: ``validate=False``), sync columns filled."""
    table_name: str = model.__table__.name
    columns = frozenset(c.key for c in inspect(model).column_attrs)
    unknown = sorted(set(values) - columns)
    if unknown:
        raise ValidationError(
            table_name,
            [FieldError(k, f"未知字段 {k}", f"unknown field {k} for {table_name}") for k in unknown],
        )
    for key in SYNC_COLUMNS:
        if key in values and key not in ("id", "station_id"):
            raise ValidationError(
                table_name, [FieldError(key, f"{key} 由系统填写", f"{key} is set by the system")]
            )
    row = {**python_defaults(model), **values}
    if validate:
        SPECS[table_name].validate(row, today=today)
    if "id" not in row:
        row["id"] = uuid.uuid4()
    if "station_id" not in row:
        row["station_id"] = who.station_id
    row.update(created_at=now, updated_at=now, created_by=who.user_id, updated_by=who.user_id)
    row["device_id"] = who.device_id
    return row


_DEFAULTS: dict[str, dict[str, Any]] = {}


def python_defaults(model: type[Any]) -> dict[str, Any]:
    """Scalar column defaults, applied before validation and bulk inserts (computed once per table)."""
    cached = _DEFAULTS.get(model.__table__.name)
    if cached is not None:
        return cached
    out: dict[str, Any] = {}
    for col in model.__table__.columns:
        if col.key in SYNC_COLUMNS or col.default is None:
            continue
        default = col.default
        if getattr(default, "is_scalar", False):
            out[col.key] = default.arg
    _DEFAULTS[model.__table__.name] = out
    return out


def _chunks(rows: Iterable[Mapping[str, Any]], size: int) -> Iterator[list[Mapping[str, Any]]]:
    chunk: list[Mapping[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
