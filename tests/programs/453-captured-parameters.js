// Parameters that nested functions read: one never assigned is copied into each closure,
// so every case where a parameter does change must still be seen by the closures: an
// assignment (in the function or in a closure), a `var` or function declaration of the
// same name, and defaults. (`arguments[0] = v` aliasing a sloppy function's parameter is
// not modelled by either engine yet, so it is left out.) Also `text[i]` on a
// parameter string: ASCII, non-ASCII, astral (whole characters), empty, out of range.
function reader(text, start) {
  let pos = start;
  function peek() { return text[pos]; }
  function next() { const c = text[pos]; pos++; return c; }
  function rest() { return text.length - pos; }
  const out = [];
  while (pos < text.length) out.push(peek() === next() ? "=" : "!");
  return [out.join(""), rest(), String(peek()), text[-1], text[1.5], text[text.length]];
}
console.log(JSON.stringify(reader("ab{c}", 0)), JSON.stringify(reader("", 0)), JSON.stringify(reader("héllo", 2)));
console.log(JSON.stringify(reader("é€ü", 1).slice(1)), JSON.stringify(["x😀y"[0], "é😀"[0], "😀é"[2], "😀é".length]));

function assigned(a, b) {
  const get = () => a + "," + b;
  const before = get();
  a = "A";
  function setB() { b = "B"; }
  setB();
  return [before, get()];
}
console.log(assigned(1, 2).join(" | "));

function redeclared(p, q) {
  const read = () => [typeof p, typeof q, q === 2];
  var p = "var";
  function q() { return 1; }
  return read();
}
console.log(JSON.stringify(redeclared(1, 2)));

function defaults(x, f = () => x, y = x + 1) {
  const g = () => [x, y, f()];
  return g();
}
console.log(JSON.stringify(defaults(5)), JSON.stringify(defaults("s", () => "given")));

function plain(obj, n) {
  const fns = [() => obj.k, () => n * 2, () => { obj.k += 1; return obj.k; }];
  return fns.map((f) => f()).concat([obj.k]);
}
console.log(JSON.stringify(plain({ k: 1 }, 21)));

// a captured parameter assigned by a loop head or a pattern is not a copy: the closure
// sees the last value (for..of, for..in, destructuring, update, logical assignment)
function viaForOf(p) { const f = () => p; for (p of [1, 2, 3]) {} return f(); }
function viaForIn(p) { const f = () => p; for (p in { k: 1 }) {} return f(); }
function viaArrayPattern(p) { const f = () => p; [p] = [5]; return f(); }
function viaObjectPattern(p) { const f = () => p; ({ q: p } = { q: 9 }); return f(); }
function viaUpdate(p) { const f = () => p; p++; return f(); }
function viaLogical(p) { const f = () => p; p ||= 7; p &&= 8; return f(); }
function shadowedByCatch(p) { const f = () => p; try { throw 4; } catch (p) { p = 3; } return f(); }
console.log(viaForOf(0), viaForIn(0), viaArrayPattern(1), viaObjectPattern(0), viaUpdate(1), viaLogical(0),
  shadowedByCatch(2));
