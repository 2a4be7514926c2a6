// Function source text (String(f), f.toString(), '' + f) when non-ASCII text comes
// earlier in the file: 'é' and '→' are one UTF-16 unit, '😀' and '🎉' are two.
const banner = 'café → 😀 🎉🎉';
console.log(banner, banner.length);

function add(a, b) { return a + b; } // → sum 😀
console.log(String(add));
console.log(add.toString());
console.log('' + add);

const double = (x) => x * 2; /* 🎉 */
console.log(String(double));

const tools = {
  greet(name) { return '👋 ' + name; },
  get size() { return 3; },
};
console.log(tools.greet.toString());
console.log(tools.greet('é'));

class Box {
  constructor(v) { this.v = v; }
  show() { return '📦' + this.v; }
  static make(v) { return new Box(v); }
}
console.log(String(Box.prototype.show));
console.log(String(Box.make));
console.log(Box.make('→').show());

function outer() {
  const label = '😀😀😀';
  return function inner(n) { return label.slice(0, n * 2); };
}
console.log(outer().toString());
console.log(outer()(1));

// where an error is reported, after astral characters on the same line
const where = (e) => e.stack.split('\n')[1].replace(/^.*:(\d+):(\d+)\)?$/, '$1:$2');
try { const t = '😀😀'; t.nope(); } catch (e) { console.log(e.message, where(e)); }
try { const u = '🎉'; null.x; } catch (e) { console.log(e.message, where(e)); }
