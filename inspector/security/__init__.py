"""Who may act and what they did: password hashing and the audit chain (above the store).

The database key (keyring entry or passphrase) belongs to the store: ``inspector.store.keys``.
``memory_keyring`` is an in-memory keyring backend for tests, benchmarks and demo processes.
"""
