"""The ``inspector`` command (entry point ``inspector.cli:main``); no sub-command opens the desktop app.

``main.py`` parses and dispatches, ``common.py`` holds the data-dir / passphrase helper and the exit
codes, and each other module is one command group (``setup``: init, demo; ``export``; ``agenda``;
``check``; ``settings``; ``documents``: pdf; ``sync``: office, enroll, sync). This package is the top
layer of the core (import-linter ``layers`` contract in pyproject.toml): nothing else imports it.
"""

from inspector.cli.main import main

__all__ = ["main"]
