"""Values derived from records and kept on this laptop only, to answer "what is due" quickly."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inspector.store.base import Base
from inspector.store.types import utc_now


class CustodyStatus(Base):
    """The computed custody deadline of one detainee (docs/domain.md, "Custody periods"; docs/design.md,
    "Local-only tables").

    A cache, never synced and never edited: triggers delete a detainee's row whenever the detainee or
    one of its custody events changes (by any path: forms, imports, sync), and the agenda recomputes
    missing rows with the rules engine before it reads. ``settings_key`` names the rule settings the
    row was computed with; a change of settings drops every row.
    """

    __tablename__ = "custody_status"

    detainee_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    deadline: Mapped[date | None] = mapped_column(index=True)
    warning_from: Mapped[date | None] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(16))  # as computed on computed_on
    stage: Mapped[str] = mapped_column(String(32))
    basis: Mapped[str] = mapped_column(String(100))
    has_issues: Mapped[bool] = mapped_column(default=False)
    explanation: Mapped[str] = mapped_column(Text, default="", server_default="")  # as of computed_on
    issues: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    settings_key: Mapped[str] = mapped_column(String(64))
    computed_on: Mapped[date]
    computed_at: Mapped[datetime] = mapped_column(default=utc_now)
