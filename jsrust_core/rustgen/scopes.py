"""Lexical scopes for Rust emission: which declaration every identifier means.

The emitter must know, for each variable, where it lives in Rust: a plain local, a
shared cell (captured by a closure — JS closures see later writes), or a
thread-local global (a top-level binding used inside a function that became a Rust
``fn``). That needs JS's scoping rules (``var`` hoisting to the function, ``let`` /
``const`` / ``class`` per block, function declarations hoisted to their block,
parameters, catch parameters, named function expressions) resolved once, as a side
table keyed by site id: ``Scopes.ref[identifier_sid] -> Binding``.

Functions are described by ``FnInfo``: their parameters, the bindings they capture
from enclosing functions, whether they use ``this``/``arguments``, and — decided by a
fixed point in ``_mark_static`` — whether they can be a plain Rust ``fn`` (they only
capture top-level bindings or other such functions).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ..frontend import FUNCTION_TYPES, Program, child_nodes


@dataclass(eq=False)
class Binding:
    """One declared variable (keyed by its declaring Identifier's site id)."""

    sid: int
    name: str
    kind: str  # var | let | const | function | param | class | catch | fname
    owner: Optional[int]  # sid of the declaring function; None at top level
    node: Any = None  # the declaring node (FunctionDeclaration for functions)
    writes: int = 0  # assignments after the declaration
    captured: bool = False  # referenced from a function other than `owner`
    in_loop_header: bool = False  # `for (let i ...)`: JS makes a fresh copy per iteration
    #: a `var` that may be read before its initialiser runs (then it reads `undefined`)
    maybe_unset: bool = False
    #: declared at top level but inside a block or loop: a fresh variable each time the
    #: block runs, so it cannot be a global
    in_block: bool = False

    @property
    def is_global(self) -> bool:
        """Top-level and not block-scoped: one variable for the whole run."""
        return self.owner is None and not self.in_block


@dataclass(eq=False)
class FnInfo:
    sid: int
    node: Any
    name: str
    owner: Optional[int]  # enclosing function sid (None: top level)
    params: list = field(default_factory=list)  # Binding per simple Identifier param (None for patterns)
    free: set = field(default_factory=set)  # Bindings referenced but declared outside this function
    uses_this: bool = False
    uses_arguments: bool = False
    simple_params: bool = True
    static: bool = False  # emitted as a Rust `fn` (see module docstring)
    declared: Optional[Binding] = None  # the binding a declaration / named expression introduces


class _Scope:
    def __init__(self, parent: Optional["_Scope"], fn: Optional[int], is_fn: bool) -> None:
        self.parent = parent
        self.fn = fn
        self.is_fn = is_fn
        self.names: dict[str, Binding] = {}

    def lookup(self, name: str) -> Optional[Binding]:
        s: Optional[_Scope] = self
        while s is not None:
            b = s.names.get(name)
            if b is not None:
                return b
            s = s.parent
        return None


class Scopes:
    """Resolution results for one program."""

    def __init__(self, program: Program) -> None:
        self.program = program
        self.bindings: dict[int, Binding] = {}
        self.ref: dict[int, Binding] = {}
        self.functions: dict[int, FnInfo] = {}
        #: bindings declared directly in each scope node (Program, function, block, loop)
        self.declared_in: dict[int, list[Binding]] = {}
        self.const_fn: dict[int, FnInfo] = {}
        self._walk_program()
        self.const_fn = _const_functions(self)
        _infer_names(self)
        _mark_static(self)
        _mark_maybe_unset(self)

    def sid(self, node: Any) -> int:
        return self.program.sid(node)

    # -- declarations -------------------------------------------------------------------
    def _declare(self, scope: _Scope, scope_node: Any, ident: Any, kind: str, node: Any = None) -> Binding:
        sid = self.sid(ident)
        existing = scope.names.get(ident.name)
        if existing is not None and kind in ("var", "function") and existing.kind in ("var", "function", "param"):
            self.ref[sid] = existing
            return existing
        b = Binding(sid, ident.name, kind, scope.fn, node)
        b.in_block = scope.fn is None and not scope.is_fn
        scope.names[ident.name] = b
        self.bindings[sid] = b
        self.ref[sid] = b
        self.declared_in.setdefault(self.sid(scope_node), []).append(b)
        return b

    def _pattern_idents(self, pat: Any) -> list:
        t = pat.type
        if t == "Identifier":
            return [pat]
        if t == "ArrayPattern":
            return [i for e in pat.elements if e is not None for i in self._pattern_idents(e)]
        if t == "ObjectPattern":
            out = []
            for p in pat.properties:
                out += self._pattern_idents(p.argument if p.type == "RestElement" else p.value)
            return out
        if t == "AssignmentPattern":
            return self._pattern_idents(pat.left)
        if t == "RestElement":
            return self._pattern_idents(pat.argument)
        return []

    def _hoist_vars(self, node: Any, scope: _Scope, scope_node: Any) -> None:
        """Declare every `var` in a function body (not crossing into nested functions)."""
        stack = [node]
        while stack:
            n = stack.pop()
            if n.type in FUNCTION_TYPES or n.type in ("ClassDeclaration", "ClassExpression"):
                continue
            if n.type == "VariableDeclaration" and n.kind == "var":
                for d in n.declarations:
                    for ident in self._pattern_idents(d.id):
                        self._declare(scope, scope_node, ident, "var")
            stack.extend(child_nodes(n))

    def _declare_block(self, stmts: list, scope: _Scope, scope_node: Any) -> None:
        for st in stmts:
            if st.type == "FunctionDeclaration" and st.id is not None:
                self._declare(scope, scope_node, st.id, "function", st)
            elif st.type == "ClassDeclaration":
                self._declare(scope, scope_node, st.id, "class", st)
            elif st.type == "VariableDeclaration" and st.kind != "var":
                for d in st.declarations:
                    for ident in self._pattern_idents(d.id):
                        self._declare(scope, scope_node, ident, st.kind)

    # -- walk ---------------------------------------------------------------------------
    def _walk_program(self) -> None:
        ast = self.program.ast
        top = _Scope(None, None, True)
        self._hoist_vars(ast, top, ast)
        self._declare_block(ast.body, top, ast)
        for st in ast.body:
            self._walk(st, top, None)

    def _walk(self, node: Any, scope: _Scope, fn: Optional[FnInfo]) -> None:
        t = node.type
        if t in FUNCTION_TYPES:
            self._walk_function(node, scope, fn)
            return
        if t in ("ClassDeclaration", "ClassExpression"):
            self._walk_class(node, scope, fn)
            return
        if t == "Identifier":
            self._resolve(node, scope, fn)
            return
        if t in ("ThisExpression", "Super"):  # (`super.m()` calls m with this `this`)
            if fn is not None:
                self._mark_this(fn)
            return
        if t == "BlockStatement":
            inner = _Scope(scope, scope.fn, False)
            self._declare_block(node.body, inner, node)
            for st in node.body:
                self._walk(st, inner, fn)
            return
        if t in ("ForStatement", "ForInStatement", "ForOfStatement"):
            inner = _Scope(scope, scope.fn, False)
            head = node.init if t == "ForStatement" else node.left
            if head is not None and head.type == "VariableDeclaration" and head.kind != "var":
                self._declare_block([head], inner, node)
                for b in self.declared_in.get(self.sid(node), []):
                    b.in_loop_header = True
            for c in child_nodes(node):
                if c is head and t != "ForStatement" and head.type != "VariableDeclaration":
                    # `for (p of xs)`, `for ([a, b] of xs)`: each step assigns the target
                    self._walk_pattern(c, inner, fn, declaring=False)
                else:
                    self._walk(c, inner, fn)
            return
        if t == "SwitchStatement":
            self._walk(node.discriminant, scope, fn)
            inner = _Scope(scope, scope.fn, False)
            self._declare_block([s for c in node.cases for s in c.consequent], inner, node)
            for c in node.cases:
                if c.test is not None:
                    self._walk(c.test, inner, fn)
                for s in c.consequent:
                    self._walk(s, inner, fn)
            return
        if t == "CatchClause":
            inner = _Scope(scope, scope.fn, False)
            if node.param is not None:
                for ident in self._pattern_idents(node.param):
                    self._declare(inner, node, ident, "catch")
            self._walk(node.body, inner, fn)
            return
        if t == "VariableDeclaration":
            for d in node.declarations:
                self._walk_pattern(d.id, scope, fn, declaring=True)
                if d.init is not None:
                    self._walk(d.init, scope, fn)
            return
        if t == "MemberExpression":
            self._walk(node.object, scope, fn)
            if node.computed:
                self._walk(node.property, scope, fn)
            return
        if t == "Property":
            if node.computed:
                self._walk(node.key, scope, fn)
            self._walk(node.value, scope, fn)
            return
        if t == "StaticBlock":
            # its own `var` scope (as a function body is), but it runs in place, once, while
            # the class is defined: its bindings belong to the enclosing function, block-scoped
            inner = _Scope(scope, scope.fn, False)
            self._hoist_vars(node, inner, node)
            self._declare_block(node.body, inner, node)
            for st in node.body:
                self._walk(st, inner, fn)
            return
        if t in ("MethodDefinition", "PropertyDefinition"):
            if node.computed:
                self._walk(node.key, scope, fn)
            if node.value is not None:
                self._walk(node.value, scope, fn)
            return
        if t in ("LabeledStatement",):
            self._walk(node.body, scope, fn)
            return
        if t in ("BreakStatement", "ContinueStatement"):
            return
        if t == "AssignmentExpression":
            self._walk_pattern(node.left, scope, fn, declaring=False)
            self._walk(node.right, scope, fn)
            return
        if t == "UpdateExpression":
            self._walk_pattern(node.argument, scope, fn, declaring=False)
            return
        for c in child_nodes(node):
            self._walk(c, scope, fn)

    def _walk_pattern(self, pat: Any, scope: _Scope, fn: Optional[FnInfo], declaring: bool) -> None:
        """Targets of declarations/assignments: count writes; defaults and computed keys are reads."""
        t = pat.type
        if t == "Identifier":
            b = self._resolve(pat, scope, fn)
            if b is not None and not declaring:
                b.writes += 1
        elif t == "ArrayPattern":
            for e in pat.elements:
                if e is not None:
                    self._walk_pattern(e, scope, fn, declaring)
        elif t == "ObjectPattern":
            for p in pat.properties:
                if p.type == "RestElement":
                    self._walk_pattern(p.argument, scope, fn, declaring)
                else:
                    if p.computed:
                        self._walk(p.key, scope, fn)
                    self._walk_pattern(p.value, scope, fn, declaring)
        elif t == "AssignmentPattern":
            self._walk_pattern(pat.left, scope, fn, declaring)
            self._walk(pat.right, scope, fn)
        elif t == "RestElement":
            self._walk_pattern(pat.argument, scope, fn, declaring)
        else:
            self._walk(pat, scope, fn)

    def _resolve(self, ident: Any, scope: _Scope, fn: Optional[FnInfo]) -> Optional[Binding]:
        sid = self.sid(ident)
        if sid in self.ref:
            b = self.ref[sid]
        else:
            b = scope.lookup(ident.name)
            if b is None:
                if ident.name == "arguments" and fn is not None:
                    self._mark_arguments(fn)
                return None
            self.ref[sid] = b
        cur = fn.sid if fn is not None else None
        if b.owner != cur:
            b.captured = True
            f = fn
            while f is not None and f.sid != b.owner:
                f.free.add(b)
                f = self.functions.get(f.owner) if f.owner is not None else None
        return b

    def _mark_this(self, fn: FnInfo) -> None:
        """Arrows see their enclosing function's `this`."""
        f: Optional[FnInfo] = fn
        while f is not None:
            f.uses_this = True
            if f.node.type != "ArrowFunctionExpression":
                return
            f = self.functions.get(f.owner) if f.owner is not None else None

    def _mark_arguments(self, fn: FnInfo) -> None:
        f: Optional[FnInfo] = fn
        while f is not None:
            f.uses_arguments = True
            if f.node.type != "ArrowFunctionExpression":
                return
            f = self.functions.get(f.owner) if f.owner is not None else None

    def _walk_function(self, node: Any, scope: _Scope, outer: Optional[FnInfo]) -> None:
        sid = self.sid(node)
        name = node.id.name if getattr(node, "id", None) is not None else ""
        info = FnInfo(sid, node, name, outer.sid if outer is not None else None)
        self.functions[sid] = info
        if node.type == "FunctionDeclaration" and node.id is not None:
            info.declared = self.ref.get(self.sid(node.id))
        fscope = _Scope(scope, sid, True)
        if node.type == "FunctionExpression" and node.id is not None:
            info.declared = self._declare(fscope, node, node.id, "fname", node)
            fscope = _Scope(fscope, sid, True)
        for p in node.params:
            if p.type == "Identifier":
                info.params.append(self._declare(fscope, node, p, "param"))
            else:
                info.simple_params = False
                info.params.append(None)
                for ident in self._pattern_idents(p):
                    self._declare(fscope, node, ident, "param")
        if getattr(node, "generator", False) or getattr(node, "isAsync", False) or getattr(node, "async", False):
            info.simple_params = False
        body = node.body
        if body.type == "BlockStatement":
            self._hoist_vars(body, fscope, node)
            self._declare_block(body.body, fscope, node)
            for p in node.params:
                if p.type != "Identifier":
                    self._walk_pattern(p, fscope, info, declaring=True)
            for st in body.body:
                self._walk(st, fscope, info)
        else:
            for p in node.params:
                if p.type != "Identifier":
                    self._walk_pattern(p, fscope, info, declaring=True)
            self._walk(body, fscope, info)

    def _walk_class(self, node: Any, scope: _Scope, fn: Optional[FnInfo]) -> None:
        inner = scope
        if node.type == "ClassExpression" and node.id is not None:
            inner = _Scope(scope, scope.fn, False)
            self._declare(inner, node, node.id, "class", node)
        elif node.id is not None:
            self._resolve(node.id, scope, fn)
        if node.superClass is not None:
            self._walk(node.superClass, scope, fn)
        for member in node.body.body:
            self._walk(member, inner, fn)

    # -- queries --------------------------------------------------------------------------
    def binding_of(self, ident: Any) -> Optional[Binding]:
        return self.ref.get(self.sid(ident))

    def defining_binding(self, f: FnInfo) -> Optional[Binding]:
        """The variable a function is defined into: its declaration's name, or the `const`
        whose value it is (None for a function expression used in place)."""
        if f.node.type == "FunctionDeclaration":
            return f.declared
        return next((self.bindings.get(sid) for sid, g in self.const_fn.items() if g is f), None)

    def fn_of_binding(self, b: Binding) -> Optional[FnInfo]:
        """The function a never-reassigned function binding always holds (fixed callee)."""
        if b.writes:
            return None
        if b.kind in ("function", "fname") and b.node is not None:
            return self.functions.get(self.sid(b.node))
        if b.kind == "const":
            return self.const_fn.get(b.sid)
        return None


def _const_functions(scopes: Scopes) -> dict[int, FnInfo]:
    """`const f = (x) => ...` / `const f = function () {}`: fixed callee identity too."""
    out: dict[int, FnInfo] = {}
    stack = [scopes.program.ast]
    while stack:
        n = stack.pop()
        if n.type == "VariableDeclaration" and n.kind == "const":
            for d in n.declarations:
                if d.id.type == "Identifier" and d.init is not None and d.init.type in FUNCTION_TYPES:
                    out[scopes.sid(d.id)] = scopes.functions[scopes.sid(d.init)]
        stack.extend(child_nodes(n))
    return out


def _mark_static(scopes: Scopes) -> None:
    """A function is a Rust `fn` when everything it captures is top level or another such
    function (which Rust sees as a global item), it has plain parameters and does not
    use `this`/`arguments`, and the variable its declaration makes is never assigned
    (`f = ..`, `for (f of xs)`, `[f] = ..`, `f++`): a Rust `fn` has no variable, so an
    assigned one stays a closure held in its variable. Iterate: demoting one function can
    demote its users."""
    valued = _used_as_values(scopes)
    candidates = {
        f.sid: f for f in scopes.functions.values()
        if f.simple_params and not f.uses_this and not f.uses_arguments and not _in_class(scopes, f)
        and not _fresh_per_evaluation(scopes, f, valued)
        and not (f.node.type == "FunctionDeclaration" and f.declared is not None and f.declared.writes)
    }
    for f in candidates.values():
        f.static = True
    changed = True
    while changed:
        changed = False
        for f in candidates.values():
            if not f.static:
                continue
            for b in f.free:
                if b.is_global:
                    continue
                target = scopes.fn_of_binding(b)
                if target is None or not target.static:
                    f.static = False
                    changed = True
                    break


def _used_as_values(scopes: Scopes) -> set[int]:
    """The bindings some reference uses other than as the callee of a call."""
    parents = _parents(scopes)
    out: set[int] = set()
    for sid, b in scopes.ref.items():
        if sid == b.sid:
            continue
        parent = parents.get(sid)
        if parent is not None and parent.type == "CallExpression" and scopes.sid(parent.callee) == sid:
            continue
        out.add(b.sid)
    return out


def _fresh_per_evaluation(scopes: Scopes, f: FnInfo, valued: set[int]) -> bool:
    """A named function JS makes anew each time its definition runs (one nested in another
    function, in a block or a loop), used as a value: a Rust `fn` has no identity, and its
    value made at each use would break `inner === inner`, so it stays a closure held in its
    variable.  (Top-level ones get one value per run: `Emitter.fn_value`.)"""
    b = scopes.defining_binding(f)
    return b is not None and not b.is_global and b.sid in valued


def _in_class(scopes: Scopes, f: FnInfo) -> bool:
    """Methods and constructors need `this`; they stay closures on the class prototype."""
    parent = _parents(scopes).get(f.sid)
    return parent is not None and parent.type in ("MethodDefinition", "PropertyDefinition")


def _parents(scopes: Scopes) -> dict[int, Any]:
    cache = getattr(scopes, "_parent_cache", None)
    if cache is None:
        cache = {}
        stack = [scopes.program.ast]
        while stack:
            n = stack.pop()
            for c in child_nodes(n):
                cache[scopes.sid(c)] = n
                stack.append(c)
        scopes._parent_cache = cache
    return cache


def _mark_maybe_unset(scopes: Scopes) -> None:
    """A `var` is definitely set before use when it is initialised by a statement directly
    in its function body (not under a branch or loop) and every other mention comes later
    in the source. Anything else may observe the hoisted `undefined`."""
    parents = _parents(scopes)
    first_write: dict[int, int] = {}
    for b in scopes.bindings.values():
        if b.kind != "var":
            continue
        decl = parents.get(b.sid)
        stmt = parents.get(scopes.sid(decl)) if decl is not None else None
        body = parents.get(scopes.sid(stmt)) if stmt is not None else None
        ok = (decl is not None and decl.type == "VariableDeclarator" and decl.init is not None
              and decl.id.type == "Identifier" and body is not None
              and (body.type == "Program" or (body.type == "BlockStatement"
                                               and parents.get(scopes.sid(body)) is not None
                                               and parents[scopes.sid(body)].type in FUNCTION_TYPES)))
        if ok:
            first_write[b.sid] = decl.range[1]
        else:
            b.maybe_unset = True
    for sid, b in scopes.ref.items():
        if b.sid in first_write and sid != b.sid and scopes.program.site(sid).start < first_write[b.sid]:
            b.maybe_unset = True


def _infer_names(scopes: Scopes) -> None:
    """Anonymous functions take the name JS gives them from where they are defined
    (`const f = () => {}`, `{ f() {} }`, `{ f: function () {} }`, class methods)."""
    for n in list(_parents(scopes).keys()):
        node = scopes.program.node(n)
        value = None
        name = None
        if node.type == "VariableDeclarator" and node.id.type == "Identifier":
            value, name = node.init, node.id.name
        elif node.type in ("Property", "MethodDefinition", "PropertyDefinition") and not node.computed:
            value = node.value
            name = node.key.name if node.key.type == "Identifier" else str(getattr(node.key, "value", ""))
            if getattr(node, "kind", None) in ("get", "set"):  # an accessor is named `get x` / `set x`
                name = f"{node.kind} {name}"
        elif node.type == "AssignmentPattern" and node.left.type == "Identifier":
            value, name = node.right, node.left.name  # a default: `{f = () => {}}`, `(g = function () {})`
        elif node.type == "AssignmentExpression" and node.left.type == "Identifier":
            value, name = node.right, node.left.name
        if value is not None and value.type in FUNCTION_TYPES:
            f = scopes.functions.get(scopes.sid(value))
            if f is not None and not f.name:
                f.name = name


def by_value_captures(scopes: Scopes) -> set[int]:
    """The `const` bindings and never-assigned parameters (`_plain_param`) (sids) a closure
    may capture as a copy of the value instead of
    a shared cell (`Rc<RefCell<..>>`): a const never changes, so a copy taken when the
    closure is made sees what a cell would, provided the const is already initialised
    then. That holds when every function reading it is a function or arrow expression
    placed after the declarator ends (it is made later in the same block run), the
    declaration is not in a `switch` case (a later case can run without it) or a loop
    head, and no class body reads it (fields and methods capture by their own plan).
    Why: a cell costs an allocation per declaration and a borrow plus clone per read
    (`d[k] = ..` on a captured dictionary cloned the handle on every store)."""
    parents = _parents(scopes)
    fn_types = ("ArrowFunctionExpression", "FunctionExpression")
    refs: dict[int, list[int]] = {}
    for sid, b in scopes.ref.items():
        if sid != b.sid:
            refs.setdefault(b.sid, []).append(sid)
    out: set[int] = set()
    for b in scopes.bindings.values():
        if b.kind == "param" and b.captured and not b.writes and _plain_param(scopes, parents, b, refs.get(b.sid, [])):
            out.add(b.sid)
            continue
        if b.kind != "const" or not b.captured or b.is_global or b.in_loop_header or b.maybe_unset or b.writes:
            continue
        decl = parents.get(b.sid)
        stmt = parents.get(scopes.sid(decl)) if decl is not None else None
        if decl is None or decl.type != "VariableDeclarator" or decl.id.type != "Identifier" or stmt is None:
            continue
        holder = parents.get(scopes.sid(stmt))
        if holder is None or holder.type in ("SwitchCase", "ForStatement", "ForInStatement", "ForOfStatement"):
            continue
        ready = scopes.program.site(scopes.sid(decl)).end
        owner_node = scopes.functions[b.owner].node if b.owner is not None else scopes.program.ast
        if all(_read_after(scopes, parents, r, owner_node, ready, fn_types) for r in refs.get(b.sid, [])):
            out.add(b.sid)
    return out


def _plain_param(scopes: Scopes, parents: dict[int, Any], b: Binding, refs: list[int]) -> bool:
    """Whether parameter ``b`` keeps the value it was called with for the whole call, so a
    closure may take a copy (a parser's `text`, read by every nested helper): no assignment
    (the caller checked `writes`), plain parameters (no default or pattern that a closure
    could read before it is bound), no `arguments` (whose elements alias the parameters in
    sloppy code), and no `var` or function declaration of its name in the body, whose
    initialiser or hoisting assigns it without counting as a write."""
    f = scopes.functions.get(b.owner) if b.owner is not None else None
    if f is None or not f.simple_params or f.uses_arguments:
        return False
    for r in refs:
        child, up = r, parents.get(r)
        while up is not None and up.type in ("ObjectPattern", "ArrayPattern", "Property", "AssignmentPattern", "RestElement"):
            child, up = scopes.sid(up), parents.get(scopes.sid(up))
        if up is not None and up.type in ("VariableDeclarator", "FunctionDeclaration") and scopes.sid(up.id) == child:
            return False
    return True


def _read_after(scopes: Scopes, parents: dict[int, Any], ref: int, owner_node: Any, ready: int,
                fn_types: tuple[str, ...]) -> bool:
    """Whether the reference ``ref`` sits directly in the declaring function (``owner_node``)
    or only inside function / arrow expressions that start at or after ``ready``, with no
    class body on the way."""
    up = parents.get(ref)
    while up is not None and up is not owner_node:
        if up.type in ("ClassBody", "ClassDeclaration", "ClassExpression"):
            return False
        if up.type in FUNCTION_TYPES:
            if up.type not in fn_types or scopes.program.site(scopes.sid(up)).start < ready:
                return False
        up = parents.get(scopes.sid(up))
    return up is owner_node
