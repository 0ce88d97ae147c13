"""The station (派驻看守所检察室), its settings and its users."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspector.store.base import Base, Synced


class Station(Synced, Base):
    """One resident office. Its own ``station_id`` is its ``id``."""

    __tablename__ = "station"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    procuratorate: Mapped[str] = mapped_column(String(100))  # 派出院, e.g. 毕节市七星关区人民检察院
    higher_procuratorate: Mapped[str | None] = mapped_column(String(100))
    detention_center: Mapped[str] = mapped_column(String(100))  # 看守所 full name, the usual addressee
    agency_code: Mapped[str] = mapped_column(String(16))  # 院代字 used in 文号, e.g. 七


class StationSetting(Synced, Base):
    """A station setting (weekly targets, reply periods, conventions), JSON-valued.

    Defaults live in code (``inspector.domain.settings``); a row here overrides one key.
    """

    __tablename__ = "station_setting"
    __table_args__ = (UniqueConstraint("station_id", "key"),)

    key: Mapped[str] = mapped_column(String(64))
    value: Mapped[Any] = mapped_column(JSON)


class AppUser(Synced, Base):
    """A person who uses the app at this station. Passwords live in ``local_credential``, never synced."""

    __tablename__ = "app_user"
    __table_args__ = (UniqueConstraint("station_id", "username"),)

    username: Mapped[str] = mapped_column(String(32))
    display_name: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(24))
    active: Mapped[bool] = mapped_column(default=True)
