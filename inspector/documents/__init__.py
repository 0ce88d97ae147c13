"""reportlab builders for official documents, logs and reports (GB/T 9704-2012 layout).

* ``render.render_pdf(store, kind, key)`` — any document from the store (what ``inspector pdf`` runs);
* ``official`` — 纠正违法通知书, 检察建议书; ``records`` — 口头纠正意见记录, 谈话记录, 检察官信箱开启登记;
  ``daily_log``, ``monthly`` (+ ``monthly_counts``), ``register`` — 工作日志, 月度报告, 在押人员台账;
* ``loaders`` — read one document's content from the store (confidential sources masked);
* ``numbering`` — 文号 blocks, ``issue_number``, ``sign_document``;
* ``layout`` (+ ``typeset``, ``linebreak``, ``tables``) — page geometry, the character grid, Chinese
  line breaking; ``fonts`` — font resolution, embedding and glyph checks.

See ``docs/documents.md``.
"""
