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


LOWERED = """function sum(a) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
const xs = [];
for (let k = 0; k < 10; k += 2) xs.push(k * 1.5);
let half = 0.5;
let label = 'n';
label = 3;
console.log(sum(xs), half, label);
"""


def _by_name(table, name: str) -> int:
    return next(sid for sid, n in table.names.items() if n == name)


def test_types_file_shows_the_rust_the_emitter_chose(tmp_path):
    """`jsrust types` must not claim JsValue where the Rust has a NumArr or an i64:
    the Rust column comes from the generated code, the counters are proven ints."""
    from jsrust_core.pipeline import types_file

    path = tmp_path / "lowered.js"
    path.write_text(LOWERED)
    table = types_file(str(path))
    i, k, xs, a, half, label = (_by_name(table, n) for n in ("i", "k", "xs", "a", "half", "label"))
    assert (table.binding(i), table.binding(k)) == (INT, INT)
    assert table.binding(half) == F64 and half not in table.ints  # an observed number is not proven integral
    assert (table.binding_rust(i), table.binding_rust(half)) == ("i64", "f64")
    assert table.binding_rust(xs) == table.binding_rust(a) == "jsrt::NumArr"
    assert table.binding_rust(label) == "JsValue" and table.is_dynamic(label) and not table.is_dynamic(xs)
    sum_fn = next(sid for sid, n in table.fn_names.items() if n == "sum")
    assert table.fn_rust(sum_fn) == "fn(jsrt::NumArr) -> f64"
    text = table.format()
    assert "proven integers: i (line 3), k (line 7)" in text
    why = text.split("why not static:")[1]
    assert "`label` is union{f64, string}" in why and "`xs`" not in why


def test_types_file_says_when_the_rust_column_is_only_implied(tmp_path):
    from jsrust_core.pipeline import types_file

    path = tmp_path / "computed_field.js"
    path.write_text("class P { ['a' + 1] = 1; }\nconsole.log(new P().a1);\n")
    table = types_file(str(path))
    assert table.lowered == {}
    assert "rust column from the types only: not compiled (Unsupported: computed field names" in table.format()
