"""The daily review of the detention centre's ledgers (台账审查) and the supervision leads (监督线索).

* ``ledger_profile``: how a station's ledger of one kind is laid out — which column holds which field —
  chosen once and kept under a name, so the next day's export is read the same way.
* ``ledger_import``: one imported file (name, sha256, kind, who and when) with its change report
  against the register, kept as JSON; the register changes only when the procurator confirms items
  (``status`` 待确认 / 已确认 / 部分确认).
* ``supervision_lead``: something a rule noticed in the register or a ledger, with the rule, its legal
  basis and the records behind it, worked 待核实 → 核实中 → 已核实 / 已排除; a verified lead links to the
  finding, oral correction or notice it became.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspector.store.base import Base, Synced, ref


class LedgerProfile(Synced, Base):
    """A named column mapping for one kind of ledger: ``columns`` maps a header to a field name."""

    __tablename__ = "ledger_profile"
    __table_args__ = (UniqueConstraint("station_id", "name"),)

    name: Mapped[str] = mapped_column(String(50))
    ledger_kind: Mapped[str] = mapped_column(String(16))
    columns: Mapped[dict[str, Any]] = mapped_column(default=dict)
    defaults: Mapped[dict[str, Any]] = mapped_column(default=dict)
    note: Mapped[str | None] = mapped_column(String(200))


class LedgerImport(Synced, Base):
    """One imported ledger file and its change report (``report``: ``{"items": [...], ...}``)."""

    __tablename__ = "ledger_import"

    ledger_kind: Mapped[str] = mapped_column(String(16))
    profile_id: Mapped[uuid.UUID | None] = ref("ledger_profile")
    file_name: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    imported_at: Mapped[datetime] = mapped_column(index=True)
    imported_by: Mapped[uuid.UUID | None]
    row_count: Mapped[int] = mapped_column(default=0)
    report: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    confirmed_at: Mapped[datetime | None]
    confirmed_by: Mapped[uuid.UUID | None]


class SupervisionLead(Synced, Base):
    """A supervision lead: the rule, its legal basis, the facts, and the records behind it
    (``records``: ``[{"table", "id", "label"}]``). ``key`` identifies what the lead is about (rule,
    person, date), so that scanning again does not open a second lead for the same thing."""

    __tablename__ = "supervision_lead"

    rule_code: Mapped[str] = mapped_column(String(32), index=True)
    key: Mapped[str] = mapped_column(String(160), index=True)
    found_on: Mapped[date] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(String(200))
    facts: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[str] = mapped_column(Text)
    detainee_id: Mapped[uuid.UUID | None] = ref("detainee")
    ledger_import_id: Mapped[uuid.UUID | None] = ref("ledger_import")
    records: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    status_reason: Mapped[str | None] = mapped_column(Text)
    status_by: Mapped[uuid.UUID | None]
    status_at: Mapped[datetime | None]
    closed_on: Mapped[date | None]
    finding_id: Mapped[uuid.UUID | None] = ref("finding")
    oral_correction_id: Mapped[uuid.UUID | None] = ref("oral_correction")
    rectification_notice_id: Mapped[uuid.UUID | None] = ref("rectification_notice")
