"""The JavaScript interpreter: programs compiled once to Python source (``compiler``),
run in a ``Realm`` (globals, built-ins, abstract operations), with optional tracing
through ``events.Recorder`` hooks. See docs/architecture.md for the contract.
"""
from .functions import BoundFunction, ClassFunction, JSThrow, NativeFunction, UserFunction
from .realm import Realm
from .stack import format_uncaught

__all__ = ["Realm", "JSThrow", "NativeFunction", "UserFunction", "ClassFunction", "BoundFunction", "format_uncaught"]
