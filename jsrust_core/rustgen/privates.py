"""Which declaration each private name (`#x`) in a program refers to.

Why: a private name is lexically scoped to the class body that declares it — two
classes may both declare `#x` and they are different names, and a nested class sees
its outer class's names unless it declares its own. The runtime keeps private members
apart from property keys (``runtime/privates.rs``) under a numeric id; this module gives
every ``PrivateIdentifier`` the id of its declaration: the site id of the declaring
class element's key. A reference no enclosing class declares is a SyntaxError the
parser already reported, so every reference resolves.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..frontend import Program, child_nodes


@dataclass(frozen=True)
class PrivateName:
    """A resolved private name: the runtime id, its source spelling, whether it names a
    method (methods are not writable), a static member, and its class's name (V8 names
    the class when a method's receiver lacks it)."""

    id: int
    name: str
    method: bool
    static: bool
    owner: str

    @property
    def read_error(self) -> str:
        """V8's TypeError message for reading it from an object that lacks it."""
        if self.method:
            return f"Receiver must be {'class' if self.static else 'an instance of class'} {self.owner}"
        return f"Cannot read private member {self.name} from an object whose class did not declare it"

    @property
    def write_error(self) -> str:
        """V8's TypeError message for writing it to an object that lacks it."""
        return f"Cannot write private member {self.name} to an object whose class did not declare it"


def private_names(program: Program) -> dict[int, PrivateName]:
    """Site id of every ``PrivateIdentifier`` (declarations included) -> its ``PrivateName``."""
    out: dict[int, PrivateName] = {}
    stack: list[tuple[Any, tuple]] = [(program.ast, ())]  # (node, the class scopes around it)
    while stack:
        node, scopes = stack.pop()
        if node.type in ("ClassDeclaration", "ClassExpression"):
            owner = node.id.name if node.id is not None else "anonymous"
            declared: dict[str, PrivateName] = {}
            for m in node.body.body:
                key = getattr(m, "key", None)
                if key is not None and key.type == "PrivateIdentifier":
                    declared.setdefault(key.name, PrivateName(program.sid(key), "#" + key.name,
                                                              m.type == "MethodDefinition", bool(m.static), owner))
            scopes = (*scopes, declared)
        elif node.type == "PrivateIdentifier":
            for names in reversed(scopes):
                if node.name in names:
                    out[program.sid(node)] = names[node.name]
                    break
        stack.extend((child, scopes) for child in child_nodes(node))
    return out
