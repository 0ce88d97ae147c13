"""Office synchronisation with PostgreSQL (push/pull, leases, office schema)."""
