"""reportlab builders for official documents, logs and reports."""
