"""Deadlines, quotas, escalation and the holiday calendar: pure functions, no I/O."""
