"""Work-arounds for bugs in the installed Qt for Python.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without owning a reference to it, so every
call from Python takes one reference away from ``True``. After a few hundred emits (a background job
is one) ``True``'s count reaches zero and the interpreter aborts ("Fatal Python error: bool_dealloc").
Signals emitted by Qt itself (clicked, toggled, timeout …) are not affected, only ``.emit`` from
Python. :func:`emit` emits and gives the reference back; every ``.emit`` in ``ui/`` goes through it.
Whether the bug is there is measured once at import, so a fixed PySide6 needs no change here.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def _emit_drops_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.ping.emit()  # the result is dropped at once: with the bug, True loses one reference
    after = sys.getrefcount(True)
    return after < before


EMIT_DROPS_TRUE = _emit_drops_a_reference()
if EMIT_DROPS_TRUE:
    _incref(True)  # the one the probe took


def emit(signal: SignalInstance, *args: Any) -> None:
    """``signal.emit(*args)``, without the reference leak of PySide6 6.12.0 (see the module doc)."""
    result: object = signal.emit(*args)  # type: ignore[func-returns-value]  # it returns True
    if EMIT_DROPS_TRUE and result is True:
        _incref(result)
