"""Local store: models, SQLCipher engine and its key (``keys``), migrations, repositories."""
