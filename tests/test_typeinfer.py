"""Type inference over hand-built profiles: the lattice, constraints and explanations."""
from jsrust_core.frontend import parse
from jsrust_core.profile import Profile
from jsrust_core.typeinfer import BOOL, DYN, F64, INT, NEVER, STRING, JsType, from_tags, infer, join


def ident_sid(program, name, nth=0):
    """Site id of the nth Identifier called ``name`` (in source order)."""
    hits = [s.sid for s in program.sites if s.type == "Identifier" and program.node(s.sid).name == name]
    return hits[nth]


def fn_sid(program, nth=0):
    return [s.sid for s in program.sites if s.type in ("FunctionDeclaration", "ArrowFunctionExpression")][nth]


def test_join_lattice():
    assert join(NEVER, F64) == F64
    assert join(INT, F64) == F64
    assert join(F64, F64) == F64
    u = join(F64, STRING)
    assert u.kind == "union" and str(u) == "union{f64, string}"
    assert join(u, F64) == u
    assert join(DYN, BOOL) == DYN
    big = NEVER
    for t in ("f64", "string", "bool", "null", "undefined"):
        big = join(big, JsType(t))
    assert big == DYN
    arr = join(JsType("array", elem=F64), JsType("array", elem=INT))
    assert str(arr) == "array<f64>"


def test_from_tags_and_rust_types():
    assert from_tags(["number"]).rust() == "f64"
    assert from_tags(["boolean"]).rust() == "bool"
    assert from_tags(["number", "string"]).rust() == "JsValue"
    assert str(from_tags(["array"], ["number"])) == "array<f64>"
    assert str(from_tags(["object:{x,y}"])) == "object<{x,y}>"


def test_bindings_params_and_returns_from_profile():
    src = "function sq(x) {\n  return x * x;\n}\nlet a = sq(3);\nlet s = 'k';\ns = 4;\n"
    p = parse(src, "t.js")
    prof = Profile()
    x, a, s = ident_sid(p, "x"), ident_sid(p, "a"), ident_sid(p, "s")
    f = fn_sid(p)
    prof.types[x] = {"number"}
    prof.types[a] = {"number"}
    prof.types[s] = {"string", "number"}
    prof.arg_types[f] = [{"number"}]
    prof.ret_types[f] = {"number"}
    t = infer(p, prof)
    assert t.binding(x) == F64
    assert t.binding(a) == F64
    assert t.functions[f].params == [F64] and t.functions[f].ret == F64
    assert str(t.functions[f]) == "(f64) -> f64"
    assert t.binding(s).kind == "union"
    why = t.explain(s)
    assert why.startswith("`s` is union{f64, string}") and "line 5" in why
    rows = t.rows()
    assert ("fn", "sq", 1, "(f64) -> f64", "f64") in rows
    assert any(r[1] == "s" and r[4] == "JsValue" for r in rows)


def test_assignment_constraint_widens_binding_to_fixed_point():
    # the binding itself was only observed as a number, but an assignment site saw a string
    src = "let v = 1;\nlet w = v;\nv = 'x' + w;\n"
    p = parse(src, "t.js")
    prof = Profile()
    v = ident_sid(p, "v")
    prof.types[v] = {"number"}
    plus = [s.sid for s in p.sites if s.type == "BinaryExpression"][0]
    prof.types[plus] = {"string"}
    t = infer(p, prof)
    assert t.binding(v).kind == "union"
    assert "assigned" in t.explain(v) and "line 3" in t.explain(v)
    assert t.iterations >= 2


def test_unobserved_binding_is_never_and_explained():
    p = parse("let z;\n", "t.js")
    t = infer(p, Profile())
    z = ident_sid(p, "z")
    assert t.binding(z) == NEVER
    assert t.explain(z) == "`z` is never"


def test_fields_per_shape_and_captures():
    src = "const o = {x: 1};\nconst r = o.x;\nfunction f() { return o; }\n"
    p = parse(src, "t.js")
    prof = Profile()
    o_ref = ident_sid(p, "o", 1)
    member = [s.sid for s in p.sites if s.type == "MemberExpression"][0]
    prof.types[o_ref] = {"object:{x}"}
    prof.types[member] = {"number"}
    prof.types[ident_sid(p, "o")] = {"object:{x}"}
    t = infer(p, prof)
    assert t.fields["{x}"] == {"x": F64}
    assert str(t.captures[fn_sid(p)]["o"]) == "object<{x}>"
