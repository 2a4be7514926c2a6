"""Node 20's rules for an exit code: ``process.exit(code)`` and ``process.exitCode = code``.

Why a module: Node validates the code before it exits, and a program that passes
``NaN``, ``3.7`` or ``'abc'`` gets Node's own ``ERR_OUT_OF_RANGE`` / ``ERR_INVALID_ARG_TYPE``
error (catchable; uncaught, status 1) instead of an exit — the interpreter converted
the code blindly and crashed with a Python ``ValueError`` on ``NaN``. The messages
follow Node's ``validateInteger`` and ``determineSpecificType``.
"""
from __future__ import annotations

from typing import Any

from ..inspect import get_constructor_name, inspect
from ..numconv import number_to_string
from ..values import NULL, UNDEFINED, JSFunction, JSObject
from .functions import JSThrow, NativeFunction

#: Number.MAX_SAFE_INTEGER, the bound of validateInteger's default range
_SAFE = 9007199254740991.0


def node_error(realm: Any, kind: str, code: str, message: str) -> JSThrow:
    """An error as Node's internal library throws it: a ``code`` property, and
    ``Kind [CODE]: message`` as the stack's header (Node sets the name while the stack
    is captured, then removes it, so ``e.name`` stays ``Kind``) and as its own
    non-enumerable ``toString``."""
    err = realm.make_error(kind, message)
    err.props["name"] = f"{kind} [{code}]"
    realm.get(err, "stack")  # formats the header now, with that name
    del err.props["name"]
    err.props["code"] = code

    def to_string(realm: Any, this: Any, args: list) -> Any:
        return f"{realm.to_string(realm.get(this, 'name'))} [{code}]: {realm.to_string(realm.get(this, 'message'))}"

    err.set_hidden("toString", NativeFunction(realm, "toString", to_string))
    return JSThrow(err)


def validate_exit_code(realm: Any, code: Any) -> Any:
    """``code`` if Node accepts it (undefined, null, an integer, a string of one); else
    Node's error is raised."""
    if code is UNDEFINED or code is NULL:
        return code
    if type(code) is str and code != "" and _is_integer(realm.to_number(code)):
        return code
    if type(code) is not float:
        raise node_error(realm, "TypeError", "ERR_INVALID_ARG_TYPE",
                         f'The "code" argument must be of type number. Received {_specific_type(code)}')
    if not _is_integer(code):
        raise _out_of_range(realm, "an integer", code)
    if not -_SAFE <= code <= _SAFE:
        raise _out_of_range(realm, f">= {-int(_SAFE)} && <= {int(_SAFE)}", code)
    return code


def exit_status(realm: Any, code: Any) -> int:
    """The process status for a validated ``code``: the OS keeps the low 8 bits."""
    if code is UNDEFINED or code is NULL:
        return 0
    return int(realm.to_number(code)) & 0xFF


def _is_integer(n: float) -> bool:
    return n == n and n not in (float("inf"), float("-inf")) and n == int(n)


def _out_of_range(realm: Any, what: str, value: float) -> JSThrow:
    text = number_to_string(value)
    if _is_integer(value) and abs(value) > 2.0 ** 32:
        text = _numerical_separators(text)
    return node_error(realm, "RangeError", "ERR_OUT_OF_RANGE",
                      f'The value of "code" is out of range. It must be {what}. Received {text}')


def _numerical_separators(digits: str) -> str:
    """Node's ``addNumericalSeparator``: ``_`` between groups of three, from the right."""
    start = 1 if digits.startswith("-") else 0
    i = len(digits)
    tail = ""
    while i >= start + 4:
        tail = f"_{digits[i - 3:i]}{tail}"
        i -= 3
    return digits[:i] + tail


def _specific_type(value: Any) -> str:
    """Node's ``determineSpecificType``: how an argument of the wrong type is named."""
    if isinstance(value, JSFunction) and value.name:
        return f"function {value.name}"
    if isinstance(value, JSObject) and not isinstance(value, JSFunction):
        name = get_constructor_name(value)
        return f"an instance of {name}" if name else inspect(value, depth=-1)
    if type(value) is str and len(value) > 28:
        value = value[:25] + "..."
    shown = inspect(value)
    kind = "function" if isinstance(value, JSFunction) else "boolean" if type(value) is bool else \
        "string" if type(value) is str else "symbol"
    return f"type {kind} ({shown})"
