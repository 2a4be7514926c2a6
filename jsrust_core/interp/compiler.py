"""The compiler: an ESTree program -> Python source -> Python code objects, once.

Why generated Python source rather than a tree of closures: a closure tree pays one
Python call per AST node per step; generated source lets CPython's own compiler do the
dispatch, keeps non-captured JS variables in Python locals (the fastest storage CPython
has), maps JS control flow (if/while/for/break/continue/return/try) onto the same
Python statements, and inlines the float fast path of every arithmetic and comparison
operator with a call to a generic helper only for the other types. Measured on this
machine this is several times faster than closures for loops and calls.

Every JS function becomes one module-level ``def _f<sid>(F, this, args, nt=U)``; ``F``
is the running function object (its ``env`` holds the captured environment chain).
Captured variables live in environment lists ``[parent, slot1, ...]`` created at scope
entry (``scope.py`` decides which); per-iteration ``let`` bindings get a fresh list
per iteration. A ``traced`` compile emits the same code plus ``events.Recorder`` calls
and no inline fast paths; the plain compile has no trace hooks at all.

Generated line numbers map back to JS site ids (``CodeUnit.line_sids``) so stack
traces and uncaught-error reports point at JS lines.
"""
from __future__ import annotations

import math
import re
import warnings
from typing import Any, Callable, Optional

from ..calleetext import callee_text, iterable_text, pattern_source
from ..callsites import inferred_names
from ..errors import Unsupported
from ..events import RUN_COMPARISONS
from ..frontend import Program, has_use_strict, strict_functions
from ..values import to_js_string
from .scope import FUNCTION_TYPES, MODULE_PARAMS, Analysis, Binding, Scope, analyze


class FunctionTemplate:
    """What every closure created from one function node shares: its generated code
    (plain and traced variants; ``code`` is the one in use), name, arity, kind."""

    __slots__ = ("code", "plain", "traced", "name", "length", "fn_sid", "kind", "source", "program", "strict",
                 "inferred")

    def __init__(self, name: str, length: int, fn_sid: int, kind: str, source: str, program: Program) -> None:
        self.code: Any = None
        self.plain: Any = None
        self.traced: Any = None
        self.name = name
        self.length = length
        self.fn_sid = fn_sid
        #: "function" | "arrow" | "method" | "ctor" | "derived" | "field" | "module" | "script"
        self.kind = kind
        self.source = source
        self.program = program
        self.strict = False
        #: the name V8 shows for a frame of this anonymous function (``callsites.inferred_names``)
        self.inferred = ""


class CodeUnit:
    """One compiled variant of a program: its Python namespace and line map."""

    def __init__(self, filename: str, pysource: str, line_sids: list, namespace: dict) -> None:
        self.filename = filename
        self.pysource = pysource
        self.line_sids = line_sids
        self.namespace = namespace


_SAFE = re.compile(r"[^0-9A-Za-z_]")


def _pyname(b: Binding) -> str:
    return f"v{b.uid}_{_SAFE.sub('_', b.name.lstrip('%'))}"


_BOOL_OPS = ("<", ">", "<=", ">=", "===", "!==", "==", "!=", "instanceof", "in")
_CMP_HELPER = {"<": "_lt", ">": "_gt", "<=": "_le", ">=": "_ge"}
_ARITH_HELPER = {"-": "_sub", "*": "_mul", "/": "_div", "%": "_mod", "**": "_pow"}
#: operators a traced compile computes inline on numbers (``Compiler.traced_binop``)
_TRACED_INLINE = frozenset(("+", "-", "*", "/", "%", "<", ">", "<=", ">=", "===", "!=="))
_BIT_HELPER = {"&": "_band", "|": "_bor", "^": "_bxor", "<<": "_shl", ">>": "_sar", ">>>": "_shr"}


class _Jump:
    """A Python loop the generated code opened for a JS loop, switch or labelled block;
    break/continue that cross other Python loops travel via the ``_jmp`` code."""

    __slots__ = ("kind", "labels", "node", "brk", "cont", "through", "has_continue")

    def __init__(self, kind: str, labels: list, node: Any, codes: list) -> None:
        self.kind = kind
        self.labels = labels
        self.node = node
        codes[0] += 2
        self.brk = codes[0] - 1
        self.cont = codes[0]
        self.through: set = set()
        self.has_continue = False


class _Func:
    """Per generated Python function state."""

    def __init__(self, scope: Scope, tmpl: Optional[FunctionTemplate]) -> None:
        self.scope = scope
        self.tmpl = tmpl
        self.ntemp = 0
        self.jumps: list[_Jump] = []
        self.jump_init_at = -1
        self.uses_jmp = False


class Compiler:
    """Generates Python source for one program in one mode (plain or traced)."""

    def __init__(self, program: Program, analysis: Analysis, templates: dict, traced: bool, repl: bool,
                 global_slot) -> None:
        self.p = program
        self.a = analysis
        self.templates = templates  # fn_sid -> FunctionTemplate (shared by both variants)
        self._inferred: Optional[dict[int, str]] = None  # (made when a first anonymous function needs it)
        self.traced = traced
        self.repl = repl
        self.global_slot = global_slot  # name -> slot in the realm's global env (REPL)
        self.lines: list[str] = []
        self.line_sids: list[int] = []
        self.indent = 0
        self.cur_sid = program.base
        self.fn: _Func = None  # type: ignore[assignment]
        self.scope: Scope = None  # type: ignore[assignment]
        self.codes = [0]
        self.pending_funcs: list = []
        #: ids of function nodes whose code is strict ("use strict", class bodies)
        self.strict = strict_functions(program.ast)
        self.strict_program = has_use_strict(program.ast.body)
        #: (comparison node, branch site) while ``test`` compiles a comparison deciding a
        #: branch: ``traced_binop`` then emits one combined hook for both events
        self._deciding: Optional[tuple[Any, int]] = None
        #: generated code of traced property reads and number operators -> (fused hook, its
        #: event's arguments, the inline type check and the general code, or None for a
        #: read, which needs neither): see ``fusable``
        self._fusable: dict[str, tuple[str, str, Optional[str], Optional[str]]] = {}
        #: set while the general code of a fused run is generated (``numeric_run``): its
        #: subexpressions must not become runs again
        self._in_run = False

    # ---- emission ------------------------------------------------------------------
    def emit(self, line: str) -> int:
        self.lines.append("    " * self.indent + line)
        self.line_sids.append(self.cur_sid)
        return len(self.lines) - 1

    def tmp(self) -> str:
        self.fn.ntemp += 1
        return f"_t{self.fn.ntemp}"

    def err(self, feature: str, node: Any) -> Unsupported:
        return Unsupported(feature, self.p.filename, node.loc.start.line, node.loc.start.column + 1)

    def sid(self, node: Any) -> int:
        return self.p.sid(node)

    # ---- entry ---------------------------------------------------------------------
    def compile_program(self) -> str:
        ast = self.p.ast
        top = self.a.scopes[id(ast)]
        kind = "script" if self.repl else "module"
        tmpl = self.template_for(ast, "<main>", 0, kind)
        self.function_body(ast, top, tmpl, ast.body)
        while self.pending_funcs:
            node, scope, t, body = self.pending_funcs.pop(0)
            self.function_body(node, scope, t, body)
        return "\n".join(self.lines) + "\n"

    def template_for(self, node: Any, name: str, length: int, kind: str) -> FunctionTemplate:
        sid = self.sid(node)
        t = self.templates.get(sid)
        if t is None:
            src = self.p.text(sid) if kind not in ("script", "module") else ""
            t = FunctionTemplate(name, length, sid, kind, src, self.p)
            if not name:
                if self._inferred is None:
                    self._inferred = inferred_names(self.p)
                t.inferred = self._inferred.get(id(node), "")
            self.templates[sid] = t
        return t

    # ---- scopes and bindings -------------------------------------------------------
    def layout_scope(self, scope: Scope) -> None:
        """Assign slots/pynames to a scope's bindings when code for it is generated."""
        if scope.kind == "program":
            scope.materialized = True
            scope.envname = "_GE"
            for b in scope.bindings.values():
                b.slot = self.global_slot(b.name)
                b.captured = True
            return
        if self.mapped_params(scope):
            for p in scope.node.params:
                self.binding_of(p).captured = True  # (aliased by `arguments`: they live in a MappedEnv)
        n = 0
        for b in scope.bindings.values():
            b.pyname = _pyname(b)
            if b.captured:
                n += 1
                b.slot = n
        scope.nslots = n
        if n:
            scope.materialized = True
            scope.envname = f"_e{scope.uid}"

    def mapped_params(self, scope: Scope) -> bool:
        """Whether the function of ``scope`` gets a mapped ``arguments`` object, whose
        elements are its parameters (JS: sloppy mode, simple parameter list, not an arrow)."""
        node = scope.node
        return (scope.kind == "function" and "%args" in scope.bindings
                and node.type in ("FunctionDeclaration", "FunctionExpression") and bool(node.params)
                and all(p.type == "Identifier" for p in node.params)
                and id(node) not in self.strict and not self.strict_program)

    def env_expr(self) -> str:
        """The innermost runtime environment at the current point."""
        s: Optional[Scope] = self.scope
        while s is not None and s.func is self.fn.scope:
            if s.materialized:
                return s.envname
            s = s.parent
        if self.fn.scope.kind == "program":
            return "_GE"
        return "F.env"

    def scope_ref(self, target: Scope) -> str:
        if target.kind == "program":
            return "_GE"
        if target.func is self.fn.scope:
            return target.envname
        chain = self.fn.scope.parent.materialized_chain() if self.fn.scope.parent else []
        j = chain.index(target)
        return "F.env" + "[0]" * j

    def read(self, b: Optional[Binding], name: str, node: Any) -> str:
        if b is None:
            if name == "undefined":
                return "U"
            return f"_gl({name!r})"
        if b.kind == "%this" and self.in_derived_constructor(b):
            # `this` of a derived constructor is unbound until `super(...)` returns
            return f"_thischk({'this' if not b.captured else f'{self.scope_ref(b.scope)}[{b.slot}]'})"
        if b.kind == "%this" and not b.captured:
            return "this"
        if b.kind == "%F" and not b.captured:
            return "F"
        if b.kind == "%nt" and not b.captured:
            return "nt"
        if not b.captured:
            return b.pyname
        ref = f"{self.scope_ref(b.scope)}[{b.slot}]"
        if b.needs_tdz:
            return f"_chk({ref}, {name!r})"
        return ref

    def own_this(self) -> str:
        """The running function's ``this`` as it is now: once an arrow captures it,
        ``super(...)`` writes the environment slot, not the local."""
        b = self.fn.scope.bindings.get("%this")
        return f"{self.scope_ref(b.scope)}[{b.slot}]" if b is not None and b.captured else "this"

    def is_strict(self) -> bool:
        """Whether the code being generated is strict mode (refused writes throw)."""
        node = self.fn.scope.node
        return id(node) in self.strict or (node is self.p.ast and self.strict_program)

    def in_derived_constructor(self, b: Binding) -> bool:
        """Whether a ``%this`` binding belongs to a derived class's constructor (whose
        template exists before its body, or an arrow inside it, is compiled)."""
        node = b.scope.func.node
        t = self.templates.get(self.sid(node)) if getattr(node, "range", None) else None
        return t is not None and t.kind == "derived"

    def write_stmt(self, b: Optional[Binding], name: str, value: str, init: bool = False) -> None:
        """Emit ``name = value`` for a declaration (``init``) or an assignment."""
        if b is not None and b.kind == "const" and not init:
            self.emit(f"_constassign({value})")
            return
        if b is None:
            self.emit(f"_gs({name!r}, {value}{', True' if self.is_strict() else ''})")
            return
        if not b.captured:
            tgt = b.pyname
        else:
            ref = self.scope_ref(b.scope)
            if b.lexical and not init and b.needs_tdz:
                self.emit(f"_chk({ref}[{b.slot}], {name!r})")
            tgt = f"{ref}[{b.slot}]"
        fused = self._fusable.get(value) if self.traced and b.decl_node is not None else None
        if fused is not None:
            # a property read or arithmetic on numbers stored in a binding: the read's or
            # operator's event and the binding's in one hook call (``Recorder.get_bind``,
            # ``num_op_bind``; the latter on the fast path, when both operands are numbers)
            hook, args, check, slow = fused
            bsid = self.sid(b.decl_node)
            if check is None:
                self.emit(f"{tgt} = _R.{hook}({bsid}, {name!r}, {args})")
                return
            self.emit(f"if {check}:")
            self.emit(f"    {tgt} = _R.{hook}({bsid}, {name!r}, {args})")
            self.emit("else:")
            self.emit(f"    {tgt} = {slow}")
            self.emit(f"    _R.bind({bsid}, {name!r}, {tgt})")
            return
        self.emit(f"{tgt} = {value}")
        if self.traced and b.decl_node is not None:
            self.emit(f"_R.bind({self.sid(b.decl_node)}, {name!r}, {tgt})")

    def write_expr(self, b: Optional[Binding], name: str, value: str) -> str:
        """An expression assigning ``value`` and yielding it."""
        if b is not None and b.kind == "const":
            return f"_constassign({value})"
        if b is None:
            return f"_gs({name!r}, {value}{', True' if self.is_strict() else ''})"
        if self.traced and b.decl_node is not None:
            value = f"_bindv({self.sid(b.decl_node)}, {name!r}, {value})"
        if not b.captured:
            return f"({b.pyname} := {value})"
        ref = self.scope_ref(b.scope)
        if b.lexical and b.needs_tdz:
            return f"_setslot_chk({ref}, {b.slot}, {value}, {name!r})"
        return f"_setslot({ref}, {b.slot}, {value})"

    def binding_of(self, ident: Any) -> Optional[Binding]:
        return self.a.refs.get(id(ident))

    def enter_block_scope(self, node: Any) -> Optional[Scope]:
        """Open the block scope ``node`` declares (if any): allocate its env list and
        hoist its function declarations. Returns the previous scope to restore."""
        sc = self.a.scopes.get(id(node))
        if sc is None or sc is self.scope:
            return None
        prev = self.scope
        parent_env = self.env_expr()
        self.layout_scope(sc)
        self.scope = sc
        if sc.materialized:
            self.emit(f"{sc.envname} = [{parent_env}" + ", _TDZ" * sc.nslots + "]")
            for b in sc.bindings.values():
                if b.captured and not b.lexical:
                    self.emit(f"{sc.envname}[{b.slot}] = U")
        return prev

    def hoist_functions(self, stmts: list) -> None:
        for s in stmts:
            if s.type == "FunctionDeclaration":
                b = self.binding_of(s.id)
                self.write_stmt(b, s.id.name, self.make_function(s, s.id.name), init=True)

    # ---- functions -----------------------------------------------------------------
    def make_function(self, node: Any, name: str = "", kind: Optional[str] = None, home: str = "") -> str:
        """Expression creating a closure of function ``node`` in the current env."""
        if kind is None:
            kind = "arrow" if node.type == "ArrowFunctionExpression" else "function"
        if node.type == "FunctionExpression" and node.id is not None:
            name = node.id.name
        length = 0
        for p in node.params:
            if p.type in ("AssignmentPattern", "RestElement"):
                break
            length += 1
        t = self.template_for(node, name, length, kind)
        fscope = self.a.scopes[id(node)]
        self.pending_funcs.append((node, fscope, t, None))
        env = self.env_expr()
        callee_scope = self.a.scopes.get(id(node.id)) if node.type == "FunctionExpression" and node.id else None
        if callee_scope is not None:
            b = callee_scope.bindings[node.id.name]
            if b.captured:
                callee_scope.materialized = True
                callee_scope.nslots = 1
                b.slot = 1
                callee_scope.envname = f"_e{callee_scope.uid}"
                return f"_mkfn_self(_T{t.fn_sid}, {env})"
            b.pyname = _pyname(b)
        return f"_mkfn(_T{t.fn_sid}, {env}{', ' + home if home else ''})"

    def function_body(self, node: Any, scope: Scope, tmpl: FunctionTemplate, _unused: Any) -> None:
        saved = (self.fn, self.scope, self.indent, self.cur_sid)
        self.fn = _Func(scope, tmpl)
        self.scope = scope
        self.indent = 0
        fsid = tmpl.fn_sid
        self.cur_sid = fsid
        self.layout_scope(scope)
        self.emit(f"def _f{fsid}(F, this, args, nt=U):")
        self.indent = 1
        if self.traced:
            self.emit("_R = _RL[0]")
            self.emit("_cs = _ST.pending")
            self.emit("_ST.pending = None")
            self.emit(f"_R.enter_function({fsid}, _cs, F, this, args)")
            self.emit("try:")
            self.indent += 1
        self.fn.jump_init_at = self.emit("pass")
        mapped = self.mapped_params(scope)
        if scope.materialized and scope.kind != "program":
            env = "[F.env" + ", _TDZ" * scope.nslots + "]"
            self.emit(f"{scope.envname} = {f'_MappedEnv({env})' if mapped else env}")
        # pseudo bindings this / F / new.target / arguments
        this_b = scope.bindings.get("%this")
        if this_b is not None and tmpl.kind in ("function", "method") and id(node) not in self.strict:
            # sloppy-mode functions see undefined/null this as globalThis, primitives boxed
            self.emit("if not isinstance(this, _JSObject): this = _sloppy_this(this)")
        for b in scope.bindings.values():
            if b.kind in ("%this", "%F", "%nt") and b.captured:
                src = {"%this": "this", "%F": "F", "%nt": "nt"}[b.kind]
                self.emit(f"{self.scope_ref(b.scope)}[{b.slot}] = {src}")
            elif b.kind == "%args":
                self.write_stmt(b, "arguments", "_mkargs(args)", init=True)
        t = node.type
        if t == "Program":
            if self.repl:
                for b in scope.bindings.values():
                    if b.lexical:
                        self.emit(f"_GE[{b.slot}] = _TDZ")
                    elif b.kind == "var":
                        self.emit(f"if _GE[{b.slot}] is _TDZ: _GE[{b.slot}] = U")
                    elif b.kind == "%this":
                        self.emit(f"_GE[{b.slot}] = this")
            else:
                names = ", ".join(self.lhs_of(scope.bindings[n]) for n in MODULE_PARAMS)
                self.emit(f"{names}, = args")
                self.init_vars(scope, skip_params=True)
            self.hoist_functions(node.body)
            if self.repl:
                self.emit("_cv = U")
            for s in node.body:
                self.stmt(s, top=self.repl)
            self.emit_return("_cv" if self.repl else "U", final=True)
        elif t == "PropertyDefinition":
            self.emit(f"return {self.expr(node.value)}")
        elif t == "StaticBlock":
            self.init_vars(scope, skip_params=True)
            self.hoist_functions(node.body)
            for s in node.body:
                self.stmt(s)
            self.emit_return("U", final=True)
        else:
            self.bind_params(node, scope)
            if mapped:
                slots = {self.binding_of(p).slot: i for i, p in enumerate(node.params)}  # (a repeated name: its last)
                self.emit(f"{scope.envname}.attach({self.read(scope.bindings['%args'], 'arguments', None)}, {slots!r})")
            self.init_vars(scope, skip_params=True)
            body = node.body
            if body.type == "BlockStatement":
                self.hoist_functions(body.body)
                for s in body.body:
                    self.stmt(s)
                self.emit_return(f"_derived_ret(U, {self.own_this()})" if tmpl.kind == "derived" else "U", final=True)
            else:
                self.emit_return(self.expr(body), final=True)
        if self.fn.uses_jmp:
            self.lines[self.fn.jump_init_at] = self.lines[self.fn.jump_init_at].replace("pass", "_jmp = 0")
        if self.traced:
            self.indent -= 1
            self.emit("except BaseException:")
            self.emit(f"    _R.unwind_function({fsid})")
            self.emit("    raise")
        self.fn, self.scope, self.indent, self.cur_sid = saved

    def lhs_of(self, b: Binding) -> str:
        if b.captured:
            return f"{self.scope_ref(b.scope)}[{b.slot}]"
        return b.pyname

    def init_vars(self, scope: Scope, skip_params: bool) -> None:
        for b in scope.bindings.values():
            if b.kind == "var" and not b.captured:
                self.emit(f"{b.pyname} = U")
            elif b.kind == "var" or (b.kind == "function" and b.captured):
                self.emit(f"{self.scope_ref(scope)}[{b.slot}] = U")

    def bind_params(self, node: Any, scope: Scope) -> None:
        params = node.params
        simple = all(p.type == "Identifier" for p in params)
        if simple and params:
            names = [self.lhs_of(self.binding_of(p)) for p in params]
            n = len(params)
            if n == 1:
                self.emit(f"{names[0]} = args[0] if args else U")
            else:
                self.emit(f"{', '.join(names)}, = args if len(args) == {n} else _pad(args, {n})")
            if self.traced:
                for p in params:
                    self.emit(f"_R.bind({self.sid(p)}, {p.name!r}, {self.lhs_of(self.binding_of(p))})")
            return
        for i, p in enumerate(params):
            if p.type == "RestElement":
                self.assign_pattern(p.argument, f"_arr(args[{i}:])", init=True)
            else:
                self.assign_pattern(p, f"(args[{i}] if len(args) > {i} else U)", init=True, src=("", None))

    def emit_return(self, value: str, final: bool = False) -> None:
        if self.fn.tmpl is not None and self.fn.tmpl.kind == "derived" and not final:
            value = f"_derived_ret({value}, {self.own_this()})"
        if self.traced:
            self.emit(f"_rv = {value}")
            self.emit(f"_R.leave_function({self.fn.tmpl.fn_sid}, _rv)")
            self.emit("return _rv")
        else:
            self.emit(f"return {value}")

    # ---- patterns --------------------------------------------------------------------
    def assign_pattern(self, pat: Any, value: str, init: bool, src: Optional[tuple] = None) -> None:
        """Emit statements assigning ``value`` (a Python expression) to a binding pattern
        or assignment target. ``src`` names the value for V8's TypeError when it cannot be
        destructured (see ``calleetext.pattern_source``; ``""`` describes the value itself, a
        parameter or an assignment); None for a pattern nested in another, which V8 words as a read."""
        t = pat.type
        if t == "Identifier":
            self.write_stmt(self.binding_of(pat), pat.name, value, init=init)
        elif t == "MemberExpression":
            self.emit(self.member_store(pat, value))
        elif t == "AssignmentPattern":
            tv = self.tmp()
            self.emit(f"{tv} = {value}")
            self.emit(f"if {tv} is U:")
            self.indent += 1
            self.emit(f"{tv} = {self.expr(pat.right, name=pat.left.name if pat.left.type == 'Identifier' else '')}")
            self.indent -= 1
            self.assign_pattern(pat.left, tv, init, src)
        elif t == "ObjectPattern":
            tv = self.tmp()
            first = pat.properties[0] if pat.properties else None
            key = None
            if first is not None and first.type != "RestElement" and not first.computed:
                key = self.static_key(first.key)
            label = None if src is None or (first is not None and first.type != "RestElement"
                                            and first.value.type == "AssignmentPattern") else src[0]
            self.emit(f"{tv} = _reqobj({value}, {key!r}, {label!r})")
            keys = []
            for p in pat.properties:
                if p.type == "RestElement":
                    self.assign_pattern(p.argument, f"_objrest({tv}, [{', '.join(keys)}])", init)
                    continue
                if p.computed:
                    kt = self.tmp()
                    self.emit(f"{kt} = _tokey({self.expr(p.key)})")
                    key = kt
                else:
                    key = repr(self.static_key(p.key))
                keys.append(key)
                self.assign_pattern(p.value, self.get_expr(tv, key), init)
        elif t == "ArrayPattern":
            tv = self.tmp()
            self.emit(f"{tv} = _tolist({value}, {(src[1] if src else None)!r})")
            for i, e in enumerate(pat.elements):
                if e is None:
                    continue
                if e.type == "RestElement":
                    self.assign_pattern(e.argument, f"_arr({tv}[{i}:])", init)
                else:
                    self.assign_pattern(e, f"({tv}[{i}] if len({tv}) > {i} else U)", init)
        else:
            raise self.err(f"assignment target {t}", pat)

    def static_key(self, key: Any) -> str:
        if key.type == "Identifier":
            return key.name
        if key.type == "Literal":
            v = key.value
            if isinstance(v, str):
                return to_js_string(v)
            if isinstance(v, bool) or v is None:
                return "true" if v is True else "false" if v is False else "null"
            return _num_key(float(v))
        raise self.err(f"property key {key.type}", key)

    # ---- statements ------------------------------------------------------------------
    def block(self, stmts: list) -> None:
        """Emit a statement list at the current indent (``pass`` if it emits nothing)."""
        before = len(self.lines)
        for s in stmts:
            self.stmt(s)
        if len(self.lines) == before:
            self.emit("pass")

    def body_of(self, node: Any) -> None:
        if node.type == "BlockStatement":
            prev = self.enter_block_scope(node)
            self.hoist_functions(node.body)
            self.block(node.body)
            if prev is not None:
                self.scope = prev
        else:
            self.block([node])

    def stmt(self, node: Any, top: bool = False, labels: Optional[list] = None) -> None:  # noqa: C901
        t = node.type
        self.cur_sid = self.sid(node)
        if t == "ExpressionStatement":
            e = node.expression
            if top and e.type == "AssignmentExpression" and e.left.type in ("ObjectPattern", "ArrayPattern"):
                # a REPL script's completion value is the right-hand side; the pattern
                # itself only compiles as statements
                tv = self.tmp()
                self.emit(f"{tv} = {self.expr(e.right)}")
                self.assign_pattern(e.left, tv, init=False)
                self.emit(f"_cv = {tv}")
            elif top:
                self.emit(f"_cv = {self.expr(e)}")
            else:
                self.expr_stmt(node.expression)
        elif t == "VariableDeclaration":
            for d in node.declarations:
                self.cur_sid = self.sid(d)
                if d.init is None:
                    if node.kind == "var" or (d.id.type != "Identifier"):
                        continue
                    self.write_stmt(self.binding_of(d.id), d.id.name, "U", init=True)
                    continue
                name = d.id.name if d.id.type == "Identifier" else ""
                val = self.expr(d.init, name=name)
                if d.id.type == "Identifier":
                    self.write_stmt(self.binding_of(d.id), d.id.name, val, init=True)
                else:
                    self.assign_pattern(d.id, val, init=True, src=pattern_source(d.init, self.p.source))
        elif t == "FunctionDeclaration":
            return  # hoisted
        elif t == "ClassDeclaration":
            self.write_stmt(self.binding_of(node.id), node.id.name, self.class_expr(node), init=True)
        elif t == "ReturnStatement":
            self.emit_return("U" if node.argument is None else self.expr(node.argument))
        elif t == "IfStatement":
            self.emit(f"if {self.test(node.test, node)}:")
            self.indent += 1
            self.body_of(node.consequent)
            self.indent -= 1
            if node.alternate is not None:
                self.emit("else:")
                self.indent += 1
                self.body_of(node.alternate)
                self.indent -= 1
        elif t == "BlockStatement":
            prev = self.enter_block_scope(node)
            self.hoist_functions(node.body)
            for s in node.body:
                self.stmt(s, top=top)
            if prev is not None:
                self.scope = prev
        elif t in ("ForStatement", "WhileStatement", "DoWhileStatement", "ForInStatement", "ForOfStatement"):
            self.loop(node, labels or [])
        elif t == "LabeledStatement":
            lbls = (labels or []) + [node.label.name]
            if node.body.type in ("ForStatement", "WhileStatement", "DoWhileStatement", "ForInStatement",
                                  "ForOfStatement", "LabeledStatement"):
                self.stmt(node.body, labels=lbls)
            else:
                j = self.open_jump("label", lbls, node)
                self.emit("while True:")
                self.indent += 1
                self.stmt(node.body)
                self.emit("break")
                self.indent -= 1
                self.close_jump(j)
        elif t == "BreakStatement":
            self.jump(node, False)
        elif t == "ContinueStatement":
            self.jump(node, True)
        elif t == "ThrowStatement":
            v = self.expr(node.argument)
            if self.traced:
                tv = self.tmp()
                self.emit(f"{tv} = {v}")
                self.emit(f"_R.throw({self.cur_sid}, {tv})")
                v = tv
            self.emit(f"raise _JSThrow({v})")
        elif t == "TryStatement":
            self.try_stmt(node)
        elif t == "SwitchStatement":
            self.switch(node, labels or [])
        elif t == "EmptyStatement":
            return
        else:
            raise self.err(t, node)

    def expr_stmt(self, e: Any) -> None:
        """An expression whose value is unused: assignments and updates become Python
        statements (no walrus, no tuple)."""
        t = e.type
        if t == "AssignmentExpression" and e.left.type == "Identifier" and e.operator == "=":
            self.write_stmt(self.binding_of(e.left), e.left.name, self.expr(e.right, name=e.left.name))
            return
        if t == "AssignmentExpression" and e.left.type in ("ObjectPattern", "ArrayPattern"):
            self.assign_pattern(e.left, self.expr(e.right), init=False, src=(self.describe(e.right), None))
            return
        if t == "AssignmentExpression" and e.left.type == "Identifier" and e.operator in _COMPOUND:
            b = self.binding_of(e.left)
            if b is not None and b.kind != "const":
                op = _COMPOUND[e.operator]
                cur = self.read(b, e.left.name, e.left)
                general = lambda: self.binop(op, cur, self.expr(e.right), e, simple_left=True)  # noqa: E731
                run = self.numeric_run(e, op, e.left, e.right, general) if self.traced else None
                self.write_stmt(b, e.left.name, run if run is not None else general())
                return
        if t == "UpdateExpression" and e.argument.type == "Identifier":
            b = self.binding_of(e.argument)
            if b is not None and b.kind != "const":
                cur = self.read(b, e.argument.name, e.argument)
                self.write_stmt(b, e.argument.name, self.update_value(cur, e))
                return
        if t == "SequenceExpression":
            for x in e.expressions:
                self.expr_stmt(x)
            return
        self.emit(self.expr(e))

    def update_value(self, cur: str, e: Any) -> str:
        delta = "1.0" if e.operator == "++" else "-1.0"
        if self.traced:
            tv = cur if _is_simple(cur) else self.tmp()
            load = cur if tv == cur else f"({tv} := {cur})"
            sid, op = self.sid(e), e.operator
            args, check, slow = f"{sid}, {op!r}, {tv}, {tv} + {delta}", f"type({load}) is float", f"_tupd({sid}, {op!r}, {tv})"
            return self.fusable("num_op1_bind", args, check, slow, f"(_R.num_op1({args}) if {check} else {slow})")
        simple = _is_simple(cur)
        if simple:
            return f"({cur} + {delta} if type({cur}) is float else _tn({cur}) + {delta})"
        tv = self.tmp()
        return f"({tv} + {delta} if type({tv} := {cur}) is float else _tn({tv}) + {delta})"

    def test(self, node: Any, owner: Any) -> str:
        """A Python condition for JS truthiness of ``node``; traced: a branch event at
        ``owner``'s site."""
        if self.traced and node.type == "BinaryExpression" and node.operator in _TRACED_INLINE \
                and node.operator in _BOOL_OPS:
            # a comparison deciding the branch: ``traced_binop`` reports both events in one
            # hook call, and clears ``_deciding`` to say so
            self._deciding = (node, self.sid(owner))
            e = self.expr(node)
            if self._deciding is None:
                return e
            self._deciding = None
        else:
            e = self.expr(node)
        cond = e if _is_bool(node) else f"_tr({e})"
        if self.traced:
            return f"_R.test({self.sid(owner)}, {cond})"
        return cond

    # ---- loops and jumps -------------------------------------------------------------
    def open_jump(self, kind: str, labels: list, node: Any) -> _Jump:
        j = _Jump(kind, labels, node, self.codes)
        self.fn.jumps.append(j)
        return j

    def close_jump(self, j: _Jump) -> None:
        """After the Python loop of ``j``: route jump codes that target outer entries."""
        self.fn.jumps.pop()
        if not j.through:
            return
        outer = self.fn.jumps[-1] if self.fn.jumps else None
        self.emit("if _jmp:")
        self.indent += 1
        if outer is not None:
            if outer.brk in j.through:
                self.emit(f"if _jmp == {outer.brk}:")
                self.emit("    _jmp = 0")
                self.emit("    break")
            if outer.cont in j.through:
                self.emit(f"if _jmp == {outer.cont}:")
                self.emit("    _jmp = 0")
                self.emit("    continue")
            rest = j.through - {outer.brk, outer.cont}
            if rest:
                outer.through |= rest
                self.emit("break")
        self.indent -= 1

    def jump(self, node: Any, is_continue: bool) -> None:
        jumps = self.fn.jumps
        target = None
        for j in reversed(jumps):
            if node.label is not None:
                if node.label.name in j.labels:
                    target = j
                    break
            elif j.kind == "loop" or (j.kind == "switch" and not is_continue):
                target = j
                break
        if target is None:
            raise self.err("break/continue target", node)
        if is_continue:
            target.has_continue = True
        if target is jumps[-1]:
            self.emit("continue" if is_continue else "break")
            return
        code = target.cont if is_continue else target.brk
        jumps[-1].through.add(code)
        self.fn.uses_jmp = True
        self.emit(f"_jmp = {code}")
        self.emit("break")

    def loop(self, node: Any, labels: list) -> None:
        t = node.type
        sid = self.sid(node)
        prev = self.enter_block_scope(node) if t in ("ForStatement", "ForInStatement", "ForOfStatement") else None
        if t == "ForStatement" and node.init is not None:
            if node.init.type == "VariableDeclaration":
                self.stmt(node.init)
            else:
                self.expr_stmt(node.init)
            self.cur_sid = sid
        if self.traced:
            self.emit(f"_R.loop_enter({sid})")
            self.emit("try:")
            self.indent += 1
        j = self.open_jump("loop", labels, node)
        head_scope = self.a.scopes.get(id(node)) if t != "WhileStatement" and t != "DoWhileStatement" else None
        per_iter = head_scope is not None and head_scope.materialized and t == "ForStatement"
        # the loop body is generated first into a side buffer so we know whether it
        # continues (a for loop then runs its update at the top of the next iteration)
        start = len(self.lines)
        first = self.tmp()
        if t in ("ForInStatement", "ForOfStatement"):
            src = self.expr(node.right)
            it = f"_forin({src})" if t == "ForInStatement" else \
                f"_iter({src}, {iterable_text(node.right, self.p.source)!r})"
            v = self.tmp()
            self.emit(f"for {v} in {it}:")
            self.indent += 1
            if self.traced:
                self.emit(f"if {first}: _R.loop_iter({sid})")
                self.emit(f"{first} = True")
            if head_scope is not None and head_scope.materialized:
                self.emit(f"{head_scope.envname} = [{head_scope.envname}[0]" + ", _TDZ" * head_scope.nslots + "]")
            left = node.left
            if left.type == "VariableDeclaration":
                self.assign_pattern(left.declarations[0].id, v, init=True, src=(".for", ".for"))
            else:
                self.assign_pattern(left, v, init=False, src=(".for", ".for"))
            self.body_of(node.body)
            self.indent -= 1
            if self.traced:
                self.lines.insert(start, "    " * self.indent + f"{first} = False")
                self.line_sids.insert(start, sid)
        else:
            body_start = None
            self.emit("while True:")
            self.indent += 1
            mark = len(self.lines)
            if t == "DoWhileStatement":
                # do { body } while (test): the test runs at the top from the 2nd iteration
                self.emit(f"if {first}:")
                self.indent += 1
                if self.traced:
                    self.emit(f"_R.loop_iter({sid})")
                self.emit(f"if not {self.test(node.test, node)}: break")
                self.indent -= 1
                self.emit(f"{first} = True")
                self.body_of(node.body)
            else:
                if t == "ForStatement" and node.update is not None or per_iter or self.traced:
                    self.emit(f"if {first}:")
                    self.indent += 1
                    if self.traced:
                        self.emit(f"_R.loop_iter({sid})")
                    if per_iter:
                        self.emit(f"{head_scope.envname} = {head_scope.envname}.copy()")
                    if t == "ForStatement" and node.update is not None:
                        self.expr_stmt(node.update)
                    self.emit("pass")
                    self.indent -= 1
                    self.emit(f"{first} = True")
                body_start = len(self.lines)
                if t == "WhileStatement" or node.test is not None:
                    self.cur_sid = sid
                    self.emit(f"if not {self.test(node.test, node)}: break")
                self.body_of(node.body)
                # fast form: no continue and no per-iteration env -> update at the bottom
                if (t == "ForStatement" and not j.has_continue and not per_iter and not self.traced
                        and node.update is not None):
                    del self.lines[mark:body_start]
                    del self.line_sids[mark:body_start]
                    self.cur_sid = sid
                    self.expr_stmt(node.update)
            self.indent -= 1
            self.lines.insert(start, "    " * self.indent + f"{first} = False")
            self.line_sids.insert(start, sid)
        self.close_jump(j)
        if self.traced:
            self.indent -= 1
            self.emit("finally:")
            self.emit(f"    _R.loop_exit({sid})")
        if prev is not None:
            self.scope = prev

    def switch(self, node: Any, labels: list) -> None:
        d = self.tmp()
        self.emit(f"{d} = {self.expr(node.discriminant)}")
        prev = self.enter_block_scope(node)
        for c in node.cases:
            self.hoist_functions(c.consequent)
        default = len(node.cases)
        chain = ""
        parts = []
        for i, c in enumerate(node.cases):
            if c.test is None:
                default = i
                continue
            cond = f"_seq({d}, {self.expr(c.test)})"
            if self.traced:
                cond = f"_R.test({self.sid(c)}, {cond})"
            parts.append((i, cond))
        chain = str(default)
        for i, cond in reversed(parts):
            chain = f"({i} if {cond} else {chain})"
        k = self.tmp()
        self.emit(f"{k} = {chain}")
        j = self.open_jump("switch", labels, node)
        self.emit("while True:")
        self.indent += 1
        for i, c in enumerate(node.cases):
            self.emit(f"if {k} <= {i}:")
            self.indent += 1
            self.block(c.consequent)
            self.indent -= 1
        self.emit("break")
        self.indent -= 1
        self.close_jump(j)
        if prev is not None:
            self.scope = prev

    def try_stmt(self, node: Any) -> None:
        fin = node.finalizer
        if fin is not None:
            flag = self.tmp()
            self.emit(f"{flag} = False")
            self.emit("try:")
            self.indent += 1
        if node.handler is not None:
            self.emit("try:")
            self.indent += 1
            self.body_of(node.block)
            self.indent -= 1
            h = node.handler
            ex = self.tmp()
            self.emit(f"except _CATCHABLE as {ex}:")
            self.indent += 1
            self.emit(f"{ex} = _catchval({ex})")
            prev = self.enter_block_scope(h)
            if h.param is not None:
                self.assign_pattern(h.param, ex, init=True)
            self.body_of(h.body)
            if prev is not None:
                self.scope = prev
            self.indent -= 1
        else:
            self.body_of(node.block)
        if fin is not None:
            self.indent -= 1
            # an interrupt must not run (and so cannot be swallowed by) a JS finally
            self.emit("except BaseException as _x:")
            self.emit(f"    if not isinstance(_x, _CATCHABLE): {flag} = True")
            self.emit("    raise")
            self.emit("finally:")
            self.indent += 1
            self.emit(f"if not {flag}:")
            self.indent += 1
            self.body_of(fin)
            self.indent -= 2

    # ---- expressions -----------------------------------------------------------------
    def expr(self, node: Any, name: str = "") -> str:  # noqa: C901 - one dispatch over node types
        t = node.type
        if t == "Literal":
            v = node.value
            if isinstance(v, bool):
                return "True" if v else "False"
            if v is None:
                if getattr(node, "regex", None) is not None:
                    return f"_mkre(_re{self.sid(node)})"
                return "N"
            if isinstance(v, (int, float)):
                return _num_lit(float(v))
            if isinstance(v, str):
                return repr(to_js_string(v))
            raise self.err("literal", node)
        if t == "Identifier":
            if node.name in ("NaN", "Infinity") and self.binding_of(node) is None:
                return "_NAN" if node.name == "NaN" else "_INF"
            return self.read(self.binding_of(node), node.name, node)
        if t == "ThisExpression":
            return self.read(self.binding_of(node), "this", node)
        if t == "PrivateIdentifier":
            return self.a.private[id(node)]
        if t == "TemplateLiteral":
            parts = []
            for i, q in enumerate(node.quasis):
                if q.value.cooked:
                    parts.append(repr(to_js_string(q.value.cooked)))
                if i < len(node.expressions):
                    parts.append(f"_tstr({self.expr(node.expressions[i])})")
            if not parts:
                return "''"
            return "(" + " + ".join(parts) + ")" if len(parts) > 1 or parts[0].startswith("_") else parts[0]
        if t == "BinaryExpression":
            general = lambda: self.binop(node.operator, self.expr(node.left), self.expr(node.right), node)  # noqa: E731
            if self.traced and not self._in_run:
                run = self.numeric_run(node, node.operator, node.left, node.right, general)
                if run is not None:
                    return run
            return general()
        if t == "LogicalExpression":
            return self.logical(node)
        if t == "UnaryExpression":
            return self.unary(node)
        if t == "UpdateExpression":
            return self.update_expr(node)
        if t == "AssignmentExpression":
            return self.assign_expr(node)
        if t == "ConditionalExpression":
            return f"({self.expr(node.consequent)} if {self.test(node.test, node)} else {self.expr(node.alternate)})"
        if t == "SequenceExpression":
            return "(" + ", ".join(self.expr(x) for x in node.expressions) + ")[-1]"
        if t == "MemberExpression":
            return self.member_load(node)
        if t == "CallExpression":
            return self.call(node)
        if t == "NewExpression":
            callee = self.expr(node.callee)
            args = self.args(node.arguments)
            desc = repr(self.describe(node.callee))
            if self.traced:
                return f"_tnew({self.sid(node)}, {callee}, {args}, {desc})"
            return f"_new({callee}, {args}, {desc})"
        if t == "ArrayExpression":
            items = []
            for e in node.elements:
                if e is None:
                    items.append("_HOLE")
                elif e.type == "SpreadElement":
                    items.append(f"*_spread({self.expr(e.argument)}, {iterable_text(e.argument, self.p.source)!r})")
                else:
                    items.append(self.expr(e))
            return f"_arr([{', '.join(items)}])"
        if t == "ObjectExpression":
            return self.object_expr(node)
        if t in ("FunctionExpression", "ArrowFunctionExpression"):
            return self.make_function(node, name)
        if t == "ClassExpression":
            return self.class_expr(node, name)
        if t == "ChainExpression":
            guards: list = []
            saved = getattr(self, "_chain", None)
            self._chain = guards
            inner = self.expr(node.expression)
            self._chain = saved
            if not guards:
                return inner
            return f"(U if {' or '.join(guards)} else {inner})"
        if t == "MetaProperty":
            return self.read(self.binding_of(node), "new.target", node)
        if t == "SpreadElement":
            raise self.err("spread here", node)
        if t == "Super":
            raise self.err("super outside a call or member access", node)
        raise self.err(t, node)

    def describe(self, node: Any) -> str:
        """Source text of a callee as V8 quotes it in 'x is not a function'."""
        return callee_text(node, self.p.source)

    def args(self, args: list) -> str:
        items = []
        for a in args:
            if a.type == "SpreadElement":
                items.append(f"*_spread({self.expr(a.argument)}, {iterable_text(a.argument, self.p.source)!r}, True)")
            else:
                items.append(self.expr(a))
        return "[" + ", ".join(items) + "]"

    def guard(self, value: str) -> str:
        """In a ``?.`` chain: evaluate ``value`` once, record a nullish short-circuit."""
        tv = self.tmp()
        self._chain.append(f"({tv} := {value}) is U or {tv} is N")
        return tv

    def call(self, node: Any) -> str:
        callee = node.callee
        sid = self.sid(node)
        desc = repr(self.describe(callee))
        if callee.type == "Super":
            this_b = self.a.super_this[id(callee)]
            args = self.args(node.arguments)
            call = f"_superc({self.read(self.binding_of(callee), '%F', callee)}, {args}, {self.read(self._nt_binding(), 'new.target', callee)})"
            return self.write_expr(this_b, "this", call) if this_b.captured else f"(this := {call})"
        if callee.type == "MemberExpression":
            if callee.object.type == "Super":
                home = self.read(self.binding_of(callee.object), "%F", callee.object)
                this = self.read(self.a.super_this[id(callee.object)], "this", callee.object)
                key = self.member_key(callee)
                f = f"_superget({home}, {key}, {this})"
                args = self.args(node.arguments)
                if self.traced:
                    return f"_tcall({sid}, {f}, {this}, {args}, {desc})"
                return f"_call({f}, {this}, {args}, {desc})"
            obj = self.expr(callee.object)
            if callee.optional:
                obj = self.guard(obj)
            key = self.member_key(callee)
            args = self.args(node.arguments)
            if node.optional:
                ot = self.tmp()
                fn = self.guard(f"_getv(({ot} := {obj}), {key})" if callee.computed else f"_get(({ot} := {obj}), {key})")
                if self.traced:
                    return f"_tcall({sid}, {fn}, {ot}, {args}, {desc})"
                return f"_call({fn}, {ot}, {args}, {desc})"
            if self.traced:
                return f"_tcallm({sid}, {obj}, {key}, {args}, {desc})"
            if callee.computed:
                return f"_callmv({obj}, {key}, {args}, {desc})"
            return f"_callm({obj}, {key}, {args}, {desc})"
        f = self.expr(callee)
        if node.optional:
            f = self.guard(f)
        args = self.args(node.arguments)
        if self.traced:
            return f"_tcall({sid}, {f}, U, {args}, {desc})"
        tv = self.tmp()
        return f"({tv}.tmpl.code({tv}, U, {args}) if type({tv} := {f}) is _UF else _call({tv}, U, {args}, {desc}))"

    def _nt_binding(self) -> Binding:
        f = self.scope.func
        while f.is_arrow:
            f = f.parent.func
        b = f.bindings.get("%nt")
        if b is None:
            b = Binding("%nt", "%nt", f, None, -1)
            b.pyname = "nt"
            f.bindings["%nt"] = b
        return b

    def member_key(self, node: Any) -> str:
        if node.computed:
            return self.expr(node.property)
        if node.property.type == "PrivateIdentifier":
            return self.a.private[id(node.property)]
        return repr(node.property.name)

    def class_key(self, m: Any) -> str:
        """A class member's key expression (private names are namespace symbols)."""
        if m.computed:
            return f"_tokey({self.expr(m.key)})"
        if m.key.type == "PrivateIdentifier":
            return self.a.private[id(m.key)]
        return repr(self.static_key(m.key))

    def get_expr(self, obj: str, key: str, computed: bool = False, sid: Optional[int] = None) -> str:
        if self.traced and sid is not None:
            # (the object is read once, before the key: the key may assign its variable)
            k, lk = (key, key) if _is_simple(key) else (self.tmp(),) * 2
            o, lo = (obj, obj) if _is_simple(obj) and k == key else (self.tmp(),) * 2
            if o != obj:
                lo = f"({o} := {obj})"
            if k != key:
                lk = f"({k} := {key})"
            args = f"{sid}, {lo}, {lk}, {self.get_expr(o, k, computed)}"
            code = f"_R.get_value({args})"
            self._fusable[code] = ("get_bind", args, None, None)
            return code
        if computed:
            return f"_getv({obj}, {key})"
        if key == "'length'":
            return f"_getlen({obj})"
        return f"_get({obj}, {key})"

    def member_load(self, node: Any) -> str:
        if node.object.type == "Super":
            home = self.read(self.binding_of(node.object), "%F", node.object)
            this = self.read(self.a.super_this[id(node.object)], "this", node.object)
            return f"_superget({home}, {self.member_key(node)}, {this})"
        obj = self.expr(node.object)
        if node.optional:
            obj = self.guard(obj)
        key = self.member_key(node)
        if node.computed and not self.traced:
            if node.property.type == "Literal" and isinstance(node.property.value, str):
                return self.get_expr(obj, repr(to_js_string(node.property.value)))
            o, k, i = self.tmp(), self.tmp(), self.tmp()
            # inline fast path: array[int] within bounds
            return (f"({o}.elems[{i}] if (type({o} := {obj}) is _JSArray) & (type({k} := {key}) is float) "
                    f"and 0 <= {k} < len({o}.elems) and {k} == ({i} := int({k})) and {o}.elems[{i}] is not _HOLE "
                    f"else _getv({o}, {k}))")
        return self.get_expr(obj, key, node.computed, self.sid(node))

    def member_store(self, node: Any, value: str) -> str:
        if node.object.type == "Super":
            raise self.err("assignment to super property", node)
        obj = self.expr(node.object)
        key = self.member_key(node)
        strict = self.is_strict()
        if self.traced:
            return f"_tput({self.sid(node)}, {obj}, {key}, {value}, {node.computed}, {strict})"
        s = "s" if strict else ""
        if node.computed:
            return f"_putv{s}({obj}, {key}, {value})"
        return f"_put{s}({obj}, {key}, {value})"

    def binop(self, op: str, a: str, b: str, node: Any, simple_left: bool = False) -> str:  # noqa: C901
        if self.traced and op not in _TRACED_INLINE:
            return f"_tbin({self.sid(node)}, {op!r}, {a}, {b})"
        sa, sb = _is_simple(a), _is_simple(b)
        if sa and not sb and not (_is_num_lit(a) or _is_str_lit(a) or a in ("U", "N", "True", "False")):
            sa = False  # the right operand may assign the left variable: read the left first
        ta = a if sa else self.tmp()
        tb = b if sb else self.tmp()
        la = a if sa else f"({ta} := {a})"
        lb = b if sb else f"({tb} := {b})"
        a_num, b_num = _is_num_lit(a), _is_num_lit(b)
        if a_num and b_num:
            check = "True"
        elif b_num:
            check = f"type({la}) is float"
        elif a_num:
            check = f"type({lb}) is float"
        else:
            check = f"type({la}) is type({lb}) is float"
        if self.traced:
            return self.traced_binop(op, (la, lb), (ta, tb), check, node)
        if op == "+":
            return f"({ta} + {tb} if {check} else _add({ta}, {tb}))"
        if op in ("-", "*"):
            return f"({ta} {op} {tb} if {check} else {_ARITH_HELPER[op]}({ta}, {tb}))"
        if op == "/":
            return f"({ta} / {tb} if {check} and {tb} else _div({ta}, {tb}))"
        if op == "%":
            return f"({ta} % {tb} if {check} and {ta} > 0.0 and {tb} > 0.0 else _mod({ta}, {tb}))"
        if op == "**":
            return f"_pow({la}, {lb})"
        if op in _CMP_HELPER:
            return f"({ta} {op} {tb} if {check} else {_CMP_HELPER[op]}({ta}, {tb}))"
        if op in ("===", "!=="):
            neg = "not " if op == "!==" else ""
            if b == "U" or b == "N" or a in ("U", "N"):
                return f"({a} is not {b})" if neg else f"({a} is {b})"
            if _is_str_lit(b) or _is_str_lit(a):
                return f"({neg}(type({la}) is str and {ta} == {tb}))" if not _is_str_lit(a) else \
                    f"({neg}(type({lb}) is str and {ta} == {tb}))"
            return f"({ta} {'!=' if neg else '=='} {tb} if {check} else {neg}_seq({ta}, {tb}))"
        if op in ("==", "!="):
            neg = "not " if op == "!=" else ""
            if b == "N" or b == "U":
                return f"({neg}({la} is U or {ta} is N))"
            return f"({ta} {'!=' if neg else '=='} {tb} if {check} else {neg}_leq({ta}, {tb}))"
        if op in _BIT_HELPER:
            return f"{_BIT_HELPER[op]}({a}, {b})"
        if op == "instanceof":
            return f"_instanceof({a}, {b})"
        if op == "in":
            return f"_in({a}, {b})"
        raise self.err(f"operator {op}", node)

    def traced_binop(self, op: str, loads: tuple[str, str], temps: tuple[str, str], check: str, node: Any) -> str:
        """A traced operator in ``_TRACED_INLINE``: computed inline when both operands are
        numbers (or, for ``+``, strings), as the plain code does, and reported in one
        hook call whose types are known (``Recorder.num_op``); anything else takes
        ``_tbin``, the general operator with the general event. ``check`` (from ``binop``)
        tests for two floats and assigns the operand ``temps`` (``loads`` assign them)."""
        sid = self.sid(node)
        ta, tb = temps
        # the site of the branch this comparison decides (see ``test``), if it decides one
        deciding = self._deciding
        branch = None
        if deciding is not None and deciding[0] is node:
            branch = deciding[1]
            self._deciding = None
        if op in ("===", "!==") and (tb in ("U", "N") or ta in ("U", "N")):
            # ``x === null``: an identity test on any operand types, reported as it is
            neg = "not " if op == "!==" else ""
            if branch is not None:
                return f"_R.op2_test({branch}, {sid}, {op!r}, {loads[0]}, {loads[1]}, {neg}{ta} is {tb})"
            return f"_R.op2_value({sid}, {op!r}, {loads[0]}, {loads[1]}, {neg}{ta} is {tb})"
        slow = f"_tbin({sid}, {op!r}, {ta}, {tb})"
        if op == "/":
            check = f"{check} and {tb}"
        elif op == "%":
            check = f"{check} and {ta} > 0.0 and {tb} > 0.0"
        pyop = {"===": "==", "!==": "!="}.get(op, op)
        if branch is not None:
            # (only comparisons decide branches here: ``test`` passes no ``+``)
            fast = f"_R.num_cmp_test({branch}, {sid}, {op!r}, {ta}, {tb}, {ta} {pyop} {tb})"
            return f"({fast} if {check} else _R.test({branch}, {slow}))"
        hook = "num_cmp" if op in _BOOL_OPS else "num_op"
        args = f"{sid}, {op!r}, {ta}, {tb}, {ta} {pyop} {tb}"
        fast = f"_R.{hook}({args})"
        if op == "+":
            concat = f"_R.str_op({sid}, '+', {ta}, {tb}, {ta} + {tb})"
            slow = f"({concat} if type({ta}) is type({tb}) is str else {slow})"
        if hook == "num_op":
            return self.fusable("num_op_bind", args, check, slow, f"({fast} if {check} else {slow})")
        return f"({fast} if {check} else {slow})"

    def numeric_run(self, node: Any, op: str, left: Any, right: Any, general: Callable[[], str]) -> Optional[str]:
        """Traced code for an arithmetic expression over local variables and number
        literals (``zr * zr - zi * zi + cr``; ``node`` applies ``op`` to ``left`` and
        ``right``: a binary expression, or a compound assignment ``s += a * b``), or None
        for any other expression. ``general``: the expression's code as it is traced
        without runs.

        Why: each operator's event is a hook call, and in numeric loops those calls are
        most of the cost of tracing. When every variable holds a number, no operator can
        leave the recorded path (number operators on numbers always give numbers), so the
        expression is computed as the plain code computes it and all its events are
        reported in one call (``Recorder.num_run``, a superinstruction). Otherwise the
        general traced code runs, with one event per operator as before."""
        ops: list[tuple[int, str]] = []
        leaves: list[str] = []

        def plain(n: Any) -> Optional[str]:
            t = n.type
            if t == "Literal" and type(n.value) in (int, float):
                return _num_lit(float(n.value))
            if t == "Identifier":
                b = self.binding_of(n)
                code = self.read(b, n.name, n) if b is not None else ""
                if b is None or b.captured or code != b.pyname:
                    return None  # globals, captured and special bindings have their own reads
                if code not in leaves:
                    leaves.append(code)
                return code
            if t != "BinaryExpression":
                return None
            o = n.operator
            if o not in ("+", "-", "*", "/"):
                return None
            a = plain(n.left)
            b = plain(n.right) if a is not None else None
            if b is None:
                return None
            ops.append((self.sid(n), o))
            return combine(a, o, b)

        def combine(a: str, o: str, b: str) -> str:
            if o == "/" and not (_is_num_lit(b) and float(b) != 0.0):
                # Python refuses to divide by zero, JS gives ±Infinity or NaN: ``_div``
                d = self.tmp()
                return f"({a} / {d} if ({d} := {b}) else _div({a}, {d}))"
            return f"({a} {o} {b})"

        if not (op in ("+", "-", "*", "/") or op in RUN_COMPARISONS):
            return None
        a = plain(left)
        b = plain(right) if a is not None else None
        if b is None:
            return None
        ops.append((self.sid(node), op))
        code = combine(a, op, b)
        if len(ops) < 2 or not leaves:
            return None
        deciding = self._deciding
        branch = deciding[1] if deciding is not None and deciding[0] is node else None
        self._in_run = True
        try:
            slow = general()
        finally:
            self._in_run = False
        check = "_R.fuses_runs and " + (f"type({leaves[0]}) is float" if len(leaves) == 1 else
                                         "type(" + ") is type(".join(leaves) + ") is float")
        run = repr(tuple(ops))
        if branch is not None:
            return f"(_R.num_run_test({run}, {branch}, {code}) if {check} else {slow})"
        fast = f"(_R.num_run({run}, {code}) if {check} else {slow})"
        if op in RUN_COMPARISONS:
            return fast
        return self.fusable("num_run_bind", f"{run}, {code}", check, slow, fast)

    def fusable(self, hook: str, args: str, check: str, slow: str, code: str) -> str:
        """``code``, a traced operator computed inline on numbers (``(fast if check else
        slow)``), remembered with its parts: should it be stored in a binding as it is,
        ``write_stmt`` reports both events through ``hook`` (see ``_fusable``)."""
        self._fusable[code] = (hook, args, check, slow)
        return code

    def logical(self, node: Any) -> str:
        op = node.operator
        a = self.expr(node.left)
        b = self.expr(node.right)
        tv = self.tmp()
        if self.traced:
            sid = self.sid(node)
            if op == "&&":
                return f"({b} if _R.test({sid}, _tr({tv} := {a})) else {tv})"
            if op == "||":
                return f"({tv} if _R.test({sid}, _tr({tv} := {a})) else {b})"
            return f"({b} if _R.test({sid}, ({tv} := {a}) is U or {tv} is N) else {tv})"
        cond = f"({tv} := {a})" if _is_bool(node.left) else f"_tr({tv} := {a})"
        if op == "&&":
            return f"({b} if {cond} else {tv})"
        if op == "||":
            return f"({tv} if {cond} else {b})"
        return f"({b} if ({tv} := {a}) is U or {tv} is N else {tv})"

    def unary(self, node: Any) -> str:
        op = node.operator
        arg = node.argument
        if op == "typeof" and arg.type == "Identifier" and self.binding_of(arg) is None:
            return f"_typeof_global({arg.name!r})"
        if op == "delete":
            if arg.type == "MemberExpression":
                return f"_delete({self.expr(arg.object)}, {self.member_key(arg)}, {self.is_strict()})"
            if arg.type == "Identifier":
                return "False"
            return f"({self.expr(arg)}, True)[1]"
        a = self.expr(arg)
        if self.traced and op in ("-", "+", "!", "~", "typeof"):
            return f"_tun({self.sid(node)}, {op!r}, {a})"
        if op == "!":
            return f"(not {a})" if _is_bool(arg) else f"(not _tr({a}))"
        if op == "-":
            if _is_num_lit(a):
                special = {"_INF": "_NINF", "_NINF": "_INF", "_NAN": "_NAN"}  # (`- -Infinity` folds too)
                return special[a] if a in special else _num_lit(-float(a))
            tv = self.tmp()
            return f"(-{tv} if type({tv} := {a}) is float else _neg({tv}))"
        if op == "+":
            return f"_tn({a})"
        if op == "~":
            return f"_bnot({a})"
        if op == "typeof":
            return f"_typeof({a})"
        if op == "void":
            return f"({a}, U)[1]"
        raise self.err(f"operator {op}", node)

    def update_expr(self, node: Any) -> str:
        arg = node.argument
        prefix = node.prefix
        delta = "1.0" if node.operator == "++" else "-1.0"
        if arg.type == "Identifier":
            b = self.binding_of(arg)
            cur = self.read(b, arg.name, arg)
            if b is not None and b.kind == "const":
                return f"_constassign({cur})"
            if prefix:
                return self.write_expr(b, arg.name, self.update_value(cur, node))
            old = self.tmp()
            upd = f"{old} + {delta}"  # (``old`` is a number: ``_tn`` made it one)
            if self.traced:
                upd = f"_R.num_op1({self.sid(node)}, {node.operator!r}, {old}, {upd})"
            return f"(({old} := _tn({cur})), {self.write_expr(b, arg.name, upd)})[0]"
        if arg.type == "MemberExpression":
            o, k = self.tmp(), self.tmp()
            key = self.member_key(arg)
            if not arg.computed:
                key = f"_tokey({key})"
            return (f"_update_member(({o} := {self.expr(arg.object)}), ({k} := _tokey({key})), {delta}, "
                    f"{prefix}, {self.is_strict()})")
        raise self.err("update target", node)

    def assign_expr(self, node: Any) -> str:
        op = node.operator
        left = node.left
        if left.type in ("ObjectPattern", "ArrayPattern"):
            raise self.err("destructuring assignment inside an expression", node)
        if left.type == "Identifier":
            b = self.binding_of(left)
            if op == "=":
                return self.write_expr(b, left.name, self.expr(node.right, name=left.name))
            cur = self.read(b, left.name, left)
            if op in _COMPOUND:
                return self.write_expr(b, left.name, self.binop(_COMPOUND[op], cur, self.expr(node.right), node))
            return self.logical_assign(op, cur, lambda v: self.write_expr(b, left.name, v), node.right, left.name)
        if left.type == "MemberExpression":
            if op == "=":
                return self.member_store(left, self.expr(node.right))
            o, k = self.tmp(), self.tmp()
            keyexpr = self.member_key(left)
            pre = f"({o} := {self.expr(left.object)}), ({k} := _tokey({keyexpr}))"
            cur = f"_get({o}, {k})"
            strict = self.is_strict()
            store = (lambda v: f"_tput({self.sid(left)}, {o}, {k}, {v}, True, {strict})") if self.traced else \
                (lambda v: f"_put{'s' if strict else ''}({o}, {k}, {v})")
            if op in _COMPOUND:
                val = self.binop(_COMPOUND[op], cur, self.expr(node.right), node)
                return f"({pre}, {store(val)})[-1]"
            return f"({pre}, {self.logical_assign(op, cur, store, node.right, '')})[-1]"
        raise self.err("assignment target", node)

    def logical_assign(self, op: str, cur: str, store, right: Any, name: str) -> str:
        tv = self.tmp()
        val = self.expr(right, name=name)
        if op == "||=":
            return f"({tv} if _tr({tv} := {cur}) else {store(val)})"
        if op == "&&=":
            return f"({store(val)} if _tr({tv} := {cur}) else {tv})"
        if op == "??=":
            return f"({store(val)} if ({tv} := {cur}) is U or {tv} is N else {tv})"
        raise self.err(f"operator {op}", right)

    def object_expr(self, node: Any) -> str:
        simple = True
        for p in node.properties:
            if p.type != "Property" or p.computed or p.kind != "init" or p.method or \
                    (p.value.type in FUNCTION_TYPES and _uses_super(p.value)):
                simple = False
                break
        if simple:
            items = []
            for p in node.properties:
                key = self.static_key(p.key)
                if key == "__proto__" and not p.shorthand:
                    simple = False
                    break
                items.append(f"{key!r}: {self.expr(p.value, name=key)}")
            if simple:
                return "_objlit({" + ", ".join(items) + "})"
        ot = self.tmp()
        ops = []
        for p in node.properties:
            if p.type == "SpreadElement":
                ops.append(f"_obj_spread({ot}, {self.expr(p.argument)})")
                continue
            kname = "" if p.computed else self.static_key(p.key)
            if p.computed:
                # the key is evaluated once, before the value, which may be named after it
                kt = self.tmp()
                key = f"({kt} := _tokey({self.expr(p.key)}))"
            else:
                kt, key = "", repr(kname)
            if p.kind in ("get", "set"):
                fn = self.make_function(p.value, f"{p.kind} {kname}", kind="method", home=ot)
                if kt:
                    fn = f"_fname({fn}, {kt}, {p.kind + ' '!r})"
                ops.append(f"_obj_accessor({ot}, {key}, {fn}, {p.kind == 'get'})")
            elif p.method:
                fn = self.make_function(p.value, kname, kind="method", home=ot)
                ops.append(f"_obj_put({ot}, {key}, {f'_fname({fn}, {kt})' if kt else fn})")
            elif not p.computed and kname == "__proto__" and not p.shorthand:
                ops.append(f"_obj_setproto({ot}, {self.expr(p.value)})")
            elif kt and _anonymous_definition(p.value):
                ops.append(f"_obj_put({ot}, {key}, _fname({self.expr(p.value)}, {kt}))")
            else:
                ops.append(f"_obj_put({ot}, {key}, {self.expr(p.value, name=kname)})")
        return f"(({ot} := _obj()), {', '.join(ops)}, {ot})[-1]" if ops else "_obj()"

    def class_expr(self, node: Any, name: str = "") -> str:
        cname = node.id.name if node.id is not None else name
        cscope = self.a.scopes.get(id(node)) if node.id is not None else None
        prev = None
        pre = ""
        if cscope is not None:
            outer_env = self.env_expr()
            prev = self.scope
            self.layout_scope(cscope)
            self.scope = cscope
            cb = cscope.bindings[cname]
        sup = "None" if node.superClass is None else self.expr(node.superClass)
        ctor = None
        members = []
        ct = self.tmp()  # the class function, for methods' home objects
        for m in node.body.body:
            if m.type == "MethodDefinition" and m.kind == "constructor":
                ctor = m
                continue
            if m.type == "StaticBlock":
                t = self.template_for(m, "<static_initializer>", 0, "field")
                self.pending_funcs.append((m, self.a.scopes[id(m)], t, None))
                members.append(f"('block', True, None, lambda {ct}: _mkfn(_T{t.fn_sid}, {self.env_expr()}, {ct}))")
                continue
            key = self.class_key(m)
            kname = "" if m.computed else ("#" + m.key.name if m.key.type == "PrivateIdentifier"
                                           else self.static_key(m.key))
            if m.type == "MethodDefinition":
                home = f"{ct}" if m.static else f"{ct}.props['prototype']"
                label = f"{m.kind} {kname}" if m.kind in ("get", "set") else kname
                fn = self.make_function(m.value, label, kind="method", home=home)
                members.append(f"({m.kind!r}, {m.static}, {key}, lambda {ct}: {fn})")
            else:
                if m.value is None:
                    members.append(f"('field', {m.static}, {key}, None)")
                else:
                    t = self.template_for(m, kname, 0, "field")
                    self.pending_funcs.append((m, self.a.scopes[id(m)], t, None))
                    # an initialiser's home object, for `super.x` in it: the class or its prototype
                    home = f"{ct}" if m.static else f"{ct}.props['prototype']"
                    members.append(f"('field', {m.static}, {key}, lambda {ct}: _mkfn(_T{t.fn_sid}, {self.env_expr()}, {home}))")
        kind = "derived" if node.superClass is not None else "ctor"
        if ctor is not None:
            t = self.template_for(ctor.value, cname, 0, kind)
            length = 0
            for p in ctor.value.params:
                if p.type in ("AssignmentPattern", "RestElement"):
                    break
                length += 1
            t.length = length
            t.name = cname
            self.pending_funcs.append((ctor.value, self.a.scopes[id(ctor.value)], t, None))
            tref = f"_T{t.fn_sid}"
        else:
            tref = "None"
        env = self.env_expr()
        src = repr(self.p.source[node.range[0]:node.range[1]])
        expr = (f"_mkclass({cname!r}, {tref}, {env}, {sup}, {kind == 'derived'}, "
                f"[{', '.join(members)}], {self.sid(node)}, {src})")
        if cscope is not None:
            self.scope = prev
            if cscope.materialized:
                expr = expr[:-1] + f", ({cscope.envname}, {cb.slot}))"  # bound before static initializers run
                return f"_class_bind(({cscope.envname} := [{outer_env}, _TDZ]), {cb.slot}, lambda: {expr})"
            if cb.pyname:
                return f"({cb.pyname} := {expr})"
        return expr


_COMPOUND = {"+=": "+", "-=": "-", "*=": "*", "/=": "/", "%=": "%", "**=": "**", "&=": "&", "|=": "|", "^=": "^",
             "<<=": "<<", ">>=": ">>", ">>>=": ">>>"}


def _uses_super(fn: Any) -> bool:
    stack = [fn.body]
    while stack:
        n = stack.pop()
        if getattr(n, "type", None) == "Super":
            return True
        if getattr(n, "type", None) in ("FunctionExpression", "FunctionDeclaration"):
            continue
        for v in vars(n).values():
            if isinstance(v, list):
                stack.extend(x for x in v if hasattr(x, "type"))
            elif hasattr(v, "type") and not isinstance(v, (str, int, float)):
                stack.append(v)
    return False


_SIMPLE = re.compile(r"^(?:[A-Za-z_][A-Za-z0-9_]*|-?[0-9.e+-]+|'[^'\\]*'|\"[^\"\\]*\")$")


def _is_simple(code: str) -> bool:
    """A Python expression that is a name or constant (safe to evaluate twice)."""
    return bool(_SIMPLE.match(code)) and code not in ("this",) or code == "this"


def _is_num_lit(code: str) -> bool:
    if code in ("_INF", "_NAN", "_NINF"):
        return True
    try:
        float(code)
        return code[0].isdigit() or code[0] == "-"
    except ValueError:
        return False


def _is_str_lit(code: str) -> bool:
    return len(code) >= 2 and code[0] == code[-1] and code[0] in "'\"" and _SIMPLE.match(code) is not None


def _is_bool(node: Any) -> bool:
    t = node.type
    if t == "BinaryExpression":
        return node.operator in _BOOL_OPS
    if t == "UnaryExpression":
        return node.operator in ("!", "delete")
    if t == "Literal":
        return isinstance(node.value, bool)
    return False


def _num_lit(v: float) -> str:
    if v != v:
        return "_NAN"
    if v == math.inf:
        return "_INF"
    if v == -math.inf:
        return "_NINF"
    if v == 0.0 and math.copysign(1.0, v) < 0:
        return "(-0.0)"
    return repr(v)


def _num_key(v: float) -> str:
    from ..numconv import number_to_string

    return number_to_string(v)


def compile_program(program: Program, analysis: Analysis, templates: dict, *, traced: bool, repl: bool,
                    global_slot, namespace: dict) -> CodeUnit:
    """Generate, compile and execute the definitions of one program variant.

    ``templates`` is shared between the plain and traced variants of the same program
    (function identity must not depend on the mode); each variant fills its slot
    (``plain``/``traced``) of every template.
    """
    c = Compiler(program, analysis, templates, traced, repl, global_slot)
    src = c.compile_program()
    codename = f"<js{'-traced' if traced else ''}:{program.filename}:{program.base}>"
    with warnings.catch_warnings():
        # `1 === undefined` compiles to `(1.0 is U)`: right (a literal is never the
        # sentinel), but CPython would print a SyntaxWarning on the program's stderr
        warnings.simplefilter("ignore", SyntaxWarning)
        code = compile(src, codename, "exec")
    for sid, t in templates.items():
        namespace[f"_T{sid}"] = t
    namespace.update(analysis.private_keys)
    namespace.update(analysis.regexes)
    exec(code, namespace)
    for sid, t in templates.items():
        fn = namespace.get(f"_f{sid}")
        if fn is None:
            continue
        if traced:
            t.traced = fn
        else:
            t.plain = fn
    return CodeUnit(codename, src, c.line_sids, namespace)


def _anonymous_definition(node: Any) -> bool:
    """Whether ``node`` is a function or class written without a name of its own, which
    takes the name of the key or binding it is defined under."""
    return node.type in ("ArrowFunctionExpression", "FunctionExpression", "ClassExpression") and \
        getattr(node, "id", None) is None
