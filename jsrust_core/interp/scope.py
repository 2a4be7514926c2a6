"""Scope analysis: which declaration every identifier refers to, and where it lives.

Runs once per program before code generation (jlox's resolver idea: results go into
side tables keyed by ``id(node)``, never into the AST). The code generator needs two
facts per binding: does another function read or write it (then it must live in a
heap environment list that closures share), and is it in a block that a loop can
re-enter (then each iteration needs a fresh list so closures capture per iteration).
Everything not captured becomes a plain Python local of the generated function, which
is what makes the generated code fast.
"""
from __future__ import annotations

from typing import Any, Optional

from ..errors import Unsupported
from ..frontend import FUNCTION_TYPES, Program
from .regex import compile_literal

#: the CommonJS wrapper's parameters, in order
MODULE_PARAMS = ("exports", "require", "module", "__filename", "__dirname")
LOOP_TYPES = ("ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement", "DoWhileStatement")


class Binding:
    """One declared name. ``kind``: var, let, const, class, function, param, catch,
    callee (a named function expression's own name), or one of the pseudo bindings
    ``%this``, ``%args`` (``arguments``), ``%F`` (the running function object, for
    ``super``) and ``%nt`` (``new.target``) that arrows see lexically."""

    __slots__ = ("name", "kind", "scope", "decl_node", "captured", "slot", "pyname", "decl_end", "needs_tdz", "uid")

    def __init__(self, name: str, kind: str, scope: "Scope", decl_node: Any, uid: int) -> None:
        self.name = name
        self.kind = kind
        self.scope = scope
        self.decl_node = decl_node
        self.captured = False
        #: index in the scope's environment list when captured (set by ``layout``)
        self.slot = -1
        self.pyname = ""
        self.decl_end = decl_node.range[1] if decl_node is not None and getattr(decl_node, "range", None) else 0
        self.needs_tdz = False
        self.uid = uid

    @property
    def lexical(self) -> bool:
        return self.kind in ("let", "const", "class")


class Scope:
    """A function body, a block, a loop head, a catch clause or the program."""

    __slots__ = ("kind", "node", "parent", "func", "bindings", "materialized", "envname", "nslots", "is_arrow", "uid")

    def __init__(self, kind: str, node: Any, parent: Optional["Scope"], uid: int, is_arrow: bool = False) -> None:
        self.kind = kind  # "program" | "function" | "block"
        self.node = node
        self.parent = parent
        self.func: Scope = self if kind in ("program", "function") else parent.func  # type: ignore[union-attr]
        self.bindings: dict[str, Binding] = {}
        self.materialized = False
        self.envname = ""
        self.nslots = 0
        self.is_arrow = is_arrow
        self.uid = uid

    def materialized_chain(self) -> list["Scope"]:
        """Materialized scopes from this one outward (the runtime env chain)."""
        out = []
        s: Optional[Scope] = self
        while s is not None:
            if s.materialized:
                out.append(s)
            s = s.parent
        return out


class Analysis:
    """Side tables produced by ``analyze``."""

    def __init__(self) -> None:
        self.scopes: dict[int, Scope] = {}  # id(node) -> scope the node opens
        self.refs: dict[int, Optional[Binding]] = {}  # id(Identifier) -> binding (None: global)
        self.bindings: list[Binding] = []
        self.func_scopes: list[Scope] = []
        #: id(Super node) -> the ``this`` binding a ``super`` reference also needs
        self.super_this: dict[int, Binding] = {}
        #: id(PrivateIdentifier) -> namespace name of its class's private key
        self.private: dict[int, str] = {}
        self.private_keys: dict[str, Any] = {}
        #: ``_re<sid>`` -> compiled ``regex.Program`` of each regex literal
        self.regexes: dict[str, Any] = {}


class _Analyzer:
    def __init__(self, program: Program, repl: bool) -> None:
        self.program = program
        self.repl = repl
        self.a = Analysis()
        self._uid = 0
        #: private names of the classes being walked, innermost last
        self.private_stack: list[dict] = []

    # ---- helpers -------------------------------------------------------------------
    def unsupported(self, feature: str, node: Any) -> Unsupported:
        loc = node.loc.start
        return Unsupported(feature, self.program.filename, loc.line, loc.column + 1)

    def compile_regex(self, node: Any) -> Any:
        """Compile a regex literal once, when its program is analysed: a bad pattern is
        an early SyntaxError in JS, and an unsupported one is refused before anything runs."""
        return compile_literal(node, self.program.filename)

    def new_scope(self, kind: str, node: Any, parent: Optional[Scope], is_arrow: bool = False) -> Scope:
        self._uid += 1
        s = Scope(kind, node, parent, self._uid, is_arrow)
        self.a.scopes[id(node)] = s
        if kind != "block":
            self.a.func_scopes.append(s)
        return s

    def declare(self, scope: Scope, name: str, kind: str, node: Any) -> Binding:
        existing = scope.bindings.get(name)
        if existing is not None:
            if existing.kind in ("let", "const", "class") or kind in ("let", "const", "class"):
                if not (existing.kind == "var" and kind == "var"):
                    loc = node.loc.start
                    from ..errors import JSSyntaxError

                    raise JSSyntaxError(
                        f"Identifier '{name}' has already been declared", self.program.filename, loc.line, loc.column + 1
                    )
            if kind == "function" and existing.kind in ("var", "param", "function"):
                existing.kind = "function" if existing.kind != "param" else "param"
            return existing
        self._uid += 1
        b = Binding(name, kind, scope, node, self._uid)
        scope.bindings[name] = b
        self.a.bindings.append(b)
        return b

    def pattern_names(self, pat: Any, out: list) -> list:
        t = pat.type
        if t == "Identifier":
            out.append(pat)
        elif t == "ObjectPattern":
            for p in pat.properties:
                self.pattern_names(p.argument if p.type == "RestElement" else p.value, out)
        elif t == "ArrayPattern":
            for e in pat.elements:
                if e is not None:
                    self.pattern_names(e, out)
        elif t == "AssignmentPattern":
            self.pattern_names(pat.left, out)
        elif t == "RestElement":
            self.pattern_names(pat.argument, out)
        return out

    # ---- hoisting ------------------------------------------------------------------
    def hoist_vars(self, node: Any, fscope: Scope) -> None:
        """Declare every ``var`` in a function body (not inside nested functions)."""
        stack = [node]
        while stack:
            n = stack.pop()
            t = n.type
            if t in FUNCTION_TYPES or t in ("ClassDeclaration", "ClassExpression"):
                continue
            if t == "VariableDeclaration" and n.kind == "var":
                for d in n.declarations:
                    for ident in self.pattern_names(d.id, []):
                        self.declare(fscope, ident.name, "var", ident)
            for key, value in vars(n).items():
                if key in ("loc", "range", "type"):
                    continue
                if isinstance(value, list):
                    stack.extend(v for v in value if getattr(v, "type", None) is not None)
                elif getattr(value, "type", None) is not None and not isinstance(value, (str, int, float)):
                    stack.append(value)

    def hoist_lexical(self, stmts: list, scope: Scope) -> None:
        """Declare the let/const/class/function declarations directly in a block."""
        for s in stmts:
            t = s.type
            if t == "VariableDeclaration" and s.kind != "var":
                for d in s.declarations:
                    for ident in self.pattern_names(d.id, []):
                        self.declare(scope, ident.name, s.kind, ident)
            elif t == "FunctionDeclaration":
                if s.generator or s.isAsync:
                    raise self.unsupported("async functions" if s.isAsync else "generators", s)
                self.declare(scope, s.id.name, "function", s.id)
            elif t == "ClassDeclaration":
                self.declare(scope, s.id.name, "class", s.id)

    # ---- walking -------------------------------------------------------------------
    def resolve(self, ident: Any, scope: Scope, name: Optional[str] = None) -> Optional[Binding]:
        name = name or ident.name
        s: Optional[Scope] = scope
        while s is not None:
            b = s.bindings.get(name)
            if b is not None:
                if b.scope.func is not scope.func:
                    b.captured = True
                if b.lexical and ident is not b.decl_node and (
                        b.scope.func is not scope.func or ident.range[0] < b.decl_end):
                    b.needs_tdz = True
                self.a.refs[id(ident)] = b
                return b
            s = s.parent
        self.a.refs[id(ident)] = None
        return None

    def pseudo(self, node: Any, scope: Scope, name: str, key: Optional[int] = None) -> Binding:
        """Resolve ``this``/``arguments``/``new.target``/``super`` to the nearest
        non-arrow function (or the program), declaring the pseudo binding there."""
        f = scope.func
        while f.is_arrow:
            f = f.parent.func  # type: ignore[union-attr]
        b = f.bindings.get(name)
        if b is None:
            b = self.declare(f, name, name, None)
        if f is not scope.func:
            b.captured = True
        self.a.refs[id(node) if key is None else key] = b
        return b

    def arguments_is_implicit(self, scope: Scope) -> bool:
        """``arguments`` names the nearest non-arrow function's arguments object
        unless a declaration in between shadows it."""
        s: Optional[Scope] = scope
        while s is not None:
            if "arguments" in s.bindings:
                return False
            if s.kind != "block" and not s.is_arrow:
                return s.kind == "function"
            s = s.parent
        return False

    def walk_function(self, node: Any, parent: Scope, where: Any = None) -> None:
        """``where``: the node to blame for an unsupported kind of function (a method's
        definition rather than its parameter list, where esprima starts the function)."""
        if node.generator:
            raise self.unsupported("generators", where or node)
        if node.isAsync:
            raise self.unsupported("async functions", where or node)
        is_arrow = node.type == "ArrowFunctionExpression"
        outer = parent
        if node.type == "FunctionExpression" and node.id is not None:
            outer = self.new_scope("block", node.id, parent)
            self.declare(outer, node.id.name, "callee", node.id)
        fs = self.new_scope("function", node, outer, is_arrow)
        for p in node.params:
            for ident in self.pattern_names(p, []):
                self.declare(fs, ident.name, "param", ident)
        body = node.body
        if body.type == "BlockStatement":
            self.hoist_vars(body, fs)
            self.hoist_lexical(body.body, fs)
        for p in node.params:
            self.walk_pattern(p, fs)
        if body.type == "BlockStatement":
            for s in body.body:
                self.walk(s, fs)
        else:
            self.walk(body, fs)

    def walk_pattern(self, pat: Any, scope: Scope) -> None:
        t = pat.type
        if t == "Identifier":
            self.resolve(pat, scope)
        elif t == "ObjectPattern":
            for p in pat.properties:
                if p.type == "RestElement":
                    self.walk_pattern(p.argument, scope)
                else:
                    if p.computed:
                        self.walk(p.key, scope)
                    self.walk_pattern(p.value, scope)
        elif t == "ArrayPattern":
            for e in pat.elements:
                if e is not None:
                    self.walk_pattern(e, scope)
        elif t == "AssignmentPattern":
            self.walk_pattern(pat.left, scope)
            self.walk(pat.right, scope)
        elif t == "RestElement":
            self.walk_pattern(pat.argument, scope)
        elif t == "MemberExpression":
            self.walk(pat, scope)
        else:
            raise self.unsupported(f"pattern {t}", pat)

    def walk_class(self, node: Any, scope: Scope) -> None:
        inner = scope
        if node.id is not None:
            inner = self.new_scope("block", node, scope)
            self.declare(inner, node.id.name, "const", node.id)
            if node.type == "ClassDeclaration":
                self.resolve(node.id, scope)
        if node.superClass is not None:
            self.walk(node.superClass, inner)
        names = {}
        for m in node.body.body:
            if m.type != "StaticBlock" and m.key.type == "PrivateIdentifier":
                key = f"_P{self.program.sid(node)}_{m.key.name}"
                names[m.key.name] = key
                if key not in self.a.private_keys:
                    from .functions import PrivateName

                    self.a.private_keys[key] = PrivateName("#" + m.key.name, m.type == "MethodDefinition", bool(m.static),
                                                           node.id.name if node.id is not None else "anonymous")
                self.a.private[id(m.key)] = key
        self.private_stack.append(names)
        for m in node.body.body:
            if m.type == "StaticBlock":
                # runs once when the class is defined, as a body of its own with this = the class
                fs = self.new_scope("function", m, inner)
                self.hoist_vars(m, fs)
                self.hoist_lexical(m.body, fs)
                for s in m.body:
                    self.walk(s, fs)
                continue
            if m.computed:
                self.walk(m.key, inner)
            if m.type == "MethodDefinition":
                self.walk_function(m.value, inner, m)
            elif m.value is not None:
                # a field initializer runs like a method body: own this, captured scope
                fs = self.new_scope("function", m, inner)
                self.walk(m.value, fs)
        self.private_stack.pop()

    def walk(self, node: Any, scope: Scope) -> None:  # noqa: C901 - one dispatch over node types
        t = node.type
        if t == "Identifier":
            if node.name == "arguments" and self.arguments_is_implicit(scope):
                self.pseudo(node, scope, "%args")
            else:
                self.resolve(node, scope)
        elif t in FUNCTION_TYPES:
            if t == "FunctionDeclaration":
                self.resolve(node.id, scope)
            self.walk_function(node, scope)
        elif t in ("ClassDeclaration", "ClassExpression"):
            self.walk_class(node, scope)
        elif t == "ThisExpression":
            self.pseudo(node, scope, "%this")
        elif t == "Super":
            self.pseudo(node, scope, "%F")
            self.a.super_this[id(node)] = self.pseudo(node, scope, "%this", key=-id(node))
        elif t == "MetaProperty":
            self.pseudo(node, scope, "%nt")
        elif t == "BlockStatement":
            bs = self.new_scope("block", node, scope)
            self.hoist_lexical(node.body, bs)
            for s in node.body:
                self.walk(s, bs)
        elif t == "SwitchStatement":
            self.walk(node.discriminant, scope)
            ss = self.new_scope("block", node, scope)
            ss.kind = "block"
            for c in node.cases:
                self.hoist_lexical(c.consequent, ss)
            for b in ss.bindings.values():
                b.needs_tdz = True
            for c in node.cases:
                if c.test is not None:
                    self.walk(c.test, ss)
                for s in c.consequent:
                    self.walk(s, ss)
        elif t in ("ForStatement", "ForInStatement", "ForOfStatement"):
            hs = self.new_scope("block", node, scope)
            head = node.init if t == "ForStatement" else node.left
            if head is not None and head.type == "VariableDeclaration" and head.kind != "var":
                self.hoist_lexical([head], hs)
            if t == "ForStatement":
                for part in (node.init, node.test, node.update):
                    if part is not None:
                        self.walk(part, hs)
            else:
                if getattr(node, "await", False):
                    raise self.unsupported("for await", node)
                self.walk(node.right, hs)
                self.walk(node.left, hs)
            self.walk(node.body, hs)
        elif t == "CatchClause":
            cs = self.new_scope("block", node, scope)
            if node.param is not None:
                for ident in self.pattern_names(node.param, []):
                    self.declare(cs, ident.name, "catch", ident)
                self.walk_pattern(node.param, cs)
            bs = self.new_scope("block", node.body, cs)
            self.hoist_lexical(node.body.body, bs)
            for s in node.body.body:
                self.walk(s, bs)
        elif t == "VariableDeclaration":
            for d in node.declarations:
                self.walk_pattern(d.id, scope)
                if d.init is not None:
                    self.walk(d.init, scope)
        elif t == "MemberExpression":
            self.walk(node.object, scope)
            if node.computed:
                self.walk(node.property, scope)
            elif node.property.type == "PrivateIdentifier":
                for names in reversed(self.private_stack):
                    if node.property.name in names:
                        self.a.private[id(node.property)] = names[node.property.name]
                        break
                else:
                    raise self.unsupported(f"private name #{node.property.name} outside its class", node.property)
        elif t == "Property":
            if node.computed:
                self.walk(node.key, scope)
            if node.value.type in FUNCTION_TYPES:
                self.walk_function(node.value, scope)
            else:
                self.walk(node.value, scope)
        elif t == "PrivateIdentifier":  # `#x in obj`
            for names in reversed(self.private_stack):
                if node.name in names:
                    self.a.private[id(node)] = names[node.name]
                    break
            else:
                raise self.unsupported(f"private name #{node.name} outside its class", node)
        elif t in ("LabeledStatement",):
            self.walk(node.body, scope)
        elif t in ("BreakStatement", "ContinueStatement"):
            return
        elif t == "AssignmentExpression":
            if node.left.type in ("ObjectPattern", "ArrayPattern"):
                self.walk_pattern(node.left, scope)
            else:
                self.walk(node.left, scope)
            self.walk(node.right, scope)
        elif t == "Literal":
            if getattr(node, "regex", None) is not None:
                self.a.regexes[f"_re{self.program.sid(node)}"] = self.compile_regex(node)
        elif t in _UNSUPPORTED:
            raise self.unsupported(_UNSUPPORTED[t], node)
        else:
            for child in _children(node):
                self.walk(child, scope)


_UNSUPPORTED = {
    "YieldExpression": "generators",
    "AwaitExpression": "async/await",
    "WithStatement": "with statements",
    "TaggedTemplateExpression": "tagged templates",
    "ImportExpression": "dynamic import",
    "ImportDeclaration": "ES modules (import)",
    "ExportNamedDeclaration": "ES modules (export)",
    "ExportDefaultDeclaration": "ES modules (export)",
    "ExportAllDeclaration": "ES modules (export)",
    "DebuggerStatement": "debugger statements",
}


def _children(node: Any) -> list:
    out = []
    for key, value in vars(node).items():
        if key in ("loc", "range", "type"):
            continue
        if isinstance(value, list):
            out.extend(v for v in value if getattr(v, "type", None) is not None)
        elif getattr(value, "type", None) is not None and not isinstance(value, (str, int, float)):
            out.append(value)
    return out


def analyze(program: Program, *, repl: bool) -> Analysis:
    """Resolve every identifier of ``program``; ``repl`` marks a script whose top-level
    bindings persist in the realm (a REPL cell), otherwise the program is a CommonJS
    module body (a function scope)."""
    an = _Analyzer(program, repl)
    ast = program.ast
    top = an.new_scope("program" if repl else "function", ast, None)
    if not repl:
        for name in MODULE_PARAMS:
            an.declare(top, name, "param", None)
    an.hoist_vars(ast, top)
    an.hoist_lexical(ast.body, top)
    for s in ast.body:
        an.walk(s, top)
    return an.a
