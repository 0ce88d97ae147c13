"""Services: the one way the UI and the CLI change records.

Each call is one transaction doing the role check, validation, version check, write and audit entry
(the outbox triggers follow): :mod:`.records` (load for edit, save, delete, restore), :mod:`.documents`
(notice and suggestion life cycle, corrections raised from a finding), :mod:`.drafts` (form drafts
that never sync), :mod:`.policy` (who may do what).

They are also all the UI reads through (it holds no SQL): :mod:`.lists` (the list pages), :mod:`.dashboard`
(the 工作台), :mod:`.status` (who is signed in, sync status), :mod:`.reports` (日志与报表), :mod:`.lookup`
(the forms' pickers), :mod:`.detainee_views` and :mod:`.document_views` (a person's and a document's page).
"""
