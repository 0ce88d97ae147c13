"""Alembic environment: always run on a connection handed in by ``inspector.store.migrate``."""

from __future__ import annotations

from alembic import context

import inspector.store.models  # noqa: F401  (registers every table)
from inspector.store.base import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through inspector.store.migrate, which supplies the connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
