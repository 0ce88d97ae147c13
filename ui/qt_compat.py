"""Work-arounds for bugs in the installed Qt for Python.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without owning a reference to it, so every
call from Python takes one reference away from ``True``. After a few hundred emits (a background job
is one) ``True``'s count reaches zero and the interpreter aborts ("Fatal Python error: bool_dealloc").
Signals emitted by Qt itself (clicked, toggled, timeout …) are not affected, only ``.emit`` from
Python. :func:`emit` emits and gives the reference back; every ``.emit`` in ``ui/`` goes through it.

The same build takes a reference from ``None`` on every call of a Qt method that returns nothing
(``label.setText``, ``super().paint`` in a delegate, ``super().keyPressEvent`` …): tens of thousands
in a session (every painted table cell is a few), after which ``None``'s count reaches zero and the
interpreter aborts ("Fatal Python error: none_dealloc"), often only at exit. There are too many such
calls to wrap; on Python 3.11 ``None`` is given a reserve of references no session can use up, which is
what Python 3.12 does for every build (``None`` is immortal there).

Whether each bug is there is measured once at import, so a fixed PySide6 needs no change here.
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


def _void_call_drops_none() -> bool:
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")  # returns nothing: with the bug, None loses one reference each
    return sys.getrefcount(None) <= before - 16


NONE_RESERVE = 1 << 40
"""References given to ``None`` when void calls take them (a million calls a second for 12 days)."""

VOID_DROPS_NONE = _void_call_drops_none()
if VOID_DROPS_NONE and sys.implementation.name == "cpython" and sys.version_info < (3, 12):
    # ob_refcnt is the first field of every object in CPython 3.11 (id() is the object's address).
    ctypes.c_ssize_t.from_address(id(None)).value += NONE_RESERVE


def emit(signal: SignalInstance, *args: Any) -> None:
    """``signal.emit(*args)``, without the reference leak of PySide6 6.12.0 (see the module doc)."""
    result: object = signal.emit(*args)  # type: ignore[func-returns-value]  # it returns True
    if EMIT_DROPS_TRUE and result is True:
        _incref(result)
