"""Rust generation without rustc: what the emitted source looks like for traced programs."""
import pytest

from jsrust_core.errors import Unsupported
from jsrust_core.frontend import parse
from jsrust_core.interp import Realm
from jsrust_core.profile import ProfileRecorder
from jsrust_core.rustgen import generate
from jsrust_core.typeinfer import infer

FIB = """function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
console.log(fib(12));
"""


def traced(src: str):
    program = parse(src, "t.js")
    rec = ProfileRecorder()
    Realm(stdout=lambda s: None, stderr=lambda s: None).run_program(program, recorder=rec)
    return program, rec.profile, infer(program, rec.profile)


def gen(src: str, **kw):
    program, profile, types = traced(src)
    return generate(program, profile, types, **kw)


def test_monomorphic_recursion_is_a_typed_recursive_fn():
    unit = gen(FIB)
    assert unit.source.startswith("#![forbid(unsafe_code)]")
    assert "fn f_fib(n: f64) -> f64 {" in unit.source
    assert "f_fib((n - 1.0)) + f_fib((n - 2.0))" in unit.source
    assert "Rc<" not in unit.source.split("fn main")[0]


def test_line_map_points_at_js_lines():
    unit = gen(FIB)
    lines = unit.source.split("\n")
    by_rust = dict(unit.line_map)
    body = next(i + 1 for i, ln in enumerate(lines) if "f_fib((n - 1.0))" in ln)
    assert by_rust[body] == 2
    call = next(i + 1 for i, ln in enumerate(lines) if "log_values" in ln)
    assert by_rust[call] == 4


def test_unobserved_branch_becomes_a_side_exit():
    src = "function f(x) {\n  if (x > 100) {\n    return 'big';\n  }\n  return x + 1;\n}\nconsole.log(f(1));\n"
    unit = gen(src)
    assert "jsrt::side_exit(" in unit.source
    assert any("expected false, saw true" in g for g in unit.guards.values())
    assert "'big'" not in unit.source and '"big"' not in unit.source


def test_polymorphic_values_are_jsvalues_with_guards():
    src = "function id(v) { return v; }\nconsole.log(id(1), id('a'));\nlet n = 0;\nfor (let i = 0; i < 3; i++) n += i;\nconsole.log(n);\n"
    unit = gen(src)
    assert "fn f_id(v: JsValue) -> JsValue" in unit.source
    assert "let mut n: f64 = 0.0;" in unit.source


def test_captured_mutable_variables_live_in_cells():
    src = "function counter() {\n  let c = 0;\n  return () => ++c;\n}\nconst k = counter();\nk(); console.log(k());\n"
    unit = gen(src)
    assert "let c: Rc<Cell<f64>>" in unit.source
    assert "JsValue::func(" in unit.source


def test_linear_mode_unrolls_recursion_to_the_observed_depth():
    program, profile, types = traced(FIB)
    rec = generate(program, profile, types)
    lin = generate(program, profile, types, linear=True)
    assert lin.lines > 3 * rec.lines
    assert "fn f_fib_d12(" in lin.source and "fn f_fib_d13(" not in lin.source
    assert "recursion depth <= 12" in lin.source


def test_unsupported_feature_is_named_with_its_location():
    with pytest.raises(Unsupported) as info:
        gen("const r = /a+/;\nconsole.log(r.test('aa'), /(a)\\1/.test('aa'));\n")
    assert (info.value.line, info.value.column) == (2, 27)
    assert "regular expression feature backreferences" in str(info.value)


def test_a_case_declaration_used_from_another_case_is_refused():
    """Entering a switch at a later case skips an earlier case's `const`, so a use from
    there may be in its temporal dead zone (a ReferenceError in Node): the emitter refuses
    it by name rather than read a default. A use within the declaring case compiles."""
    src = """function t(n) {
  switch (n) {
    case 0: const k = 1;
    case 1: return (() => k)();
  }
}
try { console.log(t(0), t(1)); } catch (e) { console.log(e.message); }
"""
    with pytest.raises(Unsupported) as info:
        gen(src)
    assert (info.value.line, info.value.column) == (4, 27)
    assert "`k`, declared by let/const/class in another case of this switch" in str(info.value)
    same_case = src.replace("case 1: return", "return")
    assert "fn f_t" in gen(same_case).source
