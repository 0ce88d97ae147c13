"""Confidential sources: a person who wrote a letter or spoke in a talk marked ``confidential`` is never
named in a document addressed to the detention centre. Each such name is replaced by a pseudonym —
"在押人员甲", then 乙, 丙 … in order of first appearance in the document.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["DEFAULT_PSEUDONYM", "ORDINALS", "Pseudonymizer", "Source"]

DEFAULT_PSEUDONYM = "在押人员{}"
ORDINALS = "甲乙丙丁戊己庚辛壬癸"

Source = str | tuple[str, ...]
"""A confidential source: one name, or every name recorded for one person (the register's, the one
given at a talk), which all get the same pseudonym."""


class Pseudonymizer:
    """Replaces the names of confidential sources in every text handed to :meth:`apply`.

    ``template`` holds one ``{}`` for the ordinal (甲, 乙 … then 甲1, 乙1 … after the tenth person).
    The same person always gets the same pseudonym within one document, under any of their names.
    """

    def __init__(self, names: Iterable[Source] = (), template: str = DEFAULT_PSEUDONYM) -> None:
        if "{}" not in template:
            template += "{}"
        self.template = template
        self.person: dict[str, str] = {}  # each name → the first name of its person
        for source in names:
            group = [source] if isinstance(source, str) else list(source)
            cleaned = [n.strip() for n in group if n and n.strip()]
            for n in cleaned:
                self.person.setdefault(n, cleaned[0])
        self.names = sorted(self.person, key=len, reverse=True)  # longest first: 欧阳小明 before 欧阳小
        self.assigned: dict[str, str] = {}

    def __bool__(self) -> bool:
        return bool(self.names)

    def pseudonym(self, name: str) -> str:
        person = self.person.get(name, name)
        found = self.assigned.get(person)
        if found is None:
            k = len(self.assigned)
            ordinal = ORDINALS[k % len(ORDINALS)] + (str(k // len(ORDINALS)) if k >= len(ORDINALS) else "")
            found = self.assigned[person] = self.template.format(ordinal)
        return found

    def apply(self, text: str | None) -> str:
        """``text`` with every confidential name replaced (names assigned in order of appearance)."""
        if not text or not self.names:
            return text or ""
        prefix = self.template.split("{}")[0]
        out: list[str] = []
        i = 0
        while i < len(text):
            for name in self.names:
                if text.startswith(name, i):
                    alias = self.pseudonym(name)
                    if prefix and text.endswith(prefix, 0, i):  # "在押人员张三" → "在押人员甲"
                        alias = alias[len(prefix) :]
                    out.append(alias)
                    i += len(name)
                    break
            else:
                out.append(text[i])
                i += 1
        return "".join(out)
