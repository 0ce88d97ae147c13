"""Declarative base and the columns every synced table carries (docs/design.md, "Sync columns")."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Any, ClassVar

from sqlalchemy import JSON, Date, ForeignKey, MetaData, String, Time, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from inspector.store.types import UTCDateTime, utc_now

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        date: Date(),
        time: Time(),
        uuid.UUID: Uuid(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
        list[str]: JSON(),
        str: String(),
    }


def ref(table: str, *, nullable: bool = True, index: bool = True) -> Mapped[Any]:
    """A foreign key to another synced table, checked at commit so that sync can apply a page in any order."""
    return mapped_column(
        ForeignKey(f"{table}.id", deferrable=True, initially="DEFERRED"), nullable=nullable, index=index
    )


class Synced:
    """Columns of every table that syncs with the office.

    ``id`` is a UUID made on the laptop (never auto-increment); ``station_id`` never changes (a trigger
    refuses it); ``updated_at`` is for display and audit only and never decides a conflict;
    ``server_version`` is the last version the office confirmed (NULL until first synced);
    ``deleted_at`` marks a soft delete — tombstones are kept and synced.
    """

    __synced__: ClassVar[bool] = True

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)

    @declared_attr
    def station_id(cls) -> Mapped[uuid.UUID]:
        return mapped_column(
            ForeignKey("station.id", deferrable=True, initially="DEFERRED"), nullable=False, index=True
        )

    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    created_by: Mapped[uuid.UUID | None]
    updated_by: Mapped[uuid.UUID | None]
    device_id: Mapped[uuid.UUID | None]
    server_version: Mapped[int | None]
    deleted_at: Mapped[datetime | None]


SYNC_COLUMNS = (
    "id",
    "station_id",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    "device_id",
    "server_version",
    "deleted_at",
)


def synced_tables() -> list[str]:
    """Names of every synced table, parents before children (the order sync pushes new rows in)."""
    return [t.name for t in Base.metadata.sorted_tables if "server_version" in t.c]
