"""The desktop app (PySide6). Everything Qt lives here; the core (``inspector``) never imports it."""
