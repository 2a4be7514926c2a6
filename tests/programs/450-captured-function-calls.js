// Nested functions that call each other through captured variables (a parser's helpers):
// the callee is read from its variable at each call, so a reassigned helper is the one
// called next; a variable holding a class, a non-function or undefined throws as in Node;
// arguments that are plain names or literals are passed as they are when the call starts.
function scanner(text) {
  let pos = 0;
  let step = function () { pos++; };
  function skip(ch) { while (pos < text.length && text[pos] === ch) step(); }
  function word() { const s = pos; while (pos < text.length && text[pos] !== " ") step(); return text.substring(s, pos); }
  function all() {
    const out = [];
    while (pos < text.length) { skip(" "); out.push(word()); if (out.length === 2) step = function () { pos += 1; }; }
    return out;
  }
  return all();
}
console.log(JSON.stringify(scanner("  héllo wörld ñ x  ")), JSON.stringify(scanner("")), JSON.stringify(scanner("   ")));

function outer() {
  let f = (a, b) => a + "/" + b;
  let n = 3;
  function use(x) { return f(x, n); }
  const first = use("a");
  f = (a, b) => b + "\\" + a;
  n = "z";
  return [first, use("b"), use(undefined)];
}
console.log(outer().join(" "));

function throwers() {
  let g = 5;
  class K {}
  let c = K;
  let u;
  const tries = [() => g(), () => c(), () => u(1, "x")];
  g = "str";
  return tries.map((t) => { try { return String(t()); } catch (e) { return e.constructor.name + ": " + e.message; } });
}
for (const line of throwers()) console.log(line);

function counter() {
  let count = 0;
  let bump = function () { count++; if (count === 2) bump = function () { count += 10; return count; }; return count; };
  function run() { return [bump(), bump(), bump(), bump()]; }
  return run().join(",");
}
console.log(counter());
