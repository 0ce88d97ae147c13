"""Services: the one way the UI and the CLI change records.

Each call is one transaction doing the role check, validation, version check, write and audit entry
(the outbox triggers follow): :mod:`.records` (load for edit, save, delete, restore), :mod:`.documents`
(notice and suggestion life cycle, corrections raised from a finding), :mod:`.drafts` (form drafts
that never sync), :mod:`.policy` (who may do what).
"""
