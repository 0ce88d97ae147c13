"""The detainee form: typing a valid 身份证号 fills in 出生日期 and 性别 (both are in the number)."""

from __future__ import annotations

from inspector.domain.idnumber import birth_date_from_id, gender_from_id, validate_id_number
from inspector.store.repository import today_local
from ui.forms.record_form import RecordForm


class DetaineeForm(RecordForm):
    def field_edited(self, name: str) -> None:
        if name == "id_number" and not self._setting:
            self._fill_from_id_number()
        super().field_edited(name)

    def _fill_from_id_number(self) -> None:
        number = self.editors["id_number"].value()
        if not number or validate_id_number(number, today=today_local()):
            return
        filled = {"birth_date": birth_date_from_id(number), "gender": gender_from_id(number)}
        self._setting = True
        try:
            for name, value in filled.items():
                editor = self.editors.get(name)
                if editor is not None and editor.value() != value:
                    editor.set_value(value)
                    self.touched.add(name)
        finally:
            self._setting = False
