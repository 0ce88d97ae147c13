"""Local store: models, SQLCipher engine, migrations, repositories."""
