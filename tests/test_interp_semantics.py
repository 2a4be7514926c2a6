"""The interpreter against Node, one feature area per snippet: stdout and exit status
must be identical (Node is the oracle)."""
from __future__ import annotations

import pytest

from test_interp_support import run_both

SNIPPETS = {
    "numbers": r"""
console.log(0.1 + 0.2, 1e21, 1e-7, -0, [-0], 5 / 2, 7 >> 1, -7 >>> 28, 1 << 31, ~5, 5 & 3, 5 | 3, 5 ^ 3);
console.log(2 ** -1, (-8) ** (1/3), 1 / -0, 0 === -0, NaN === NaN, -7 % 3, 7 % -3, -0 % 5, 5.5 % 2, 1 % 0);
console.log('10' < '9', 10 < 9, '10' < 9, null + 1, undefined + 1, true + true, [] + [], [] + {}, [1,2] + '');
console.log('5' * '2', '5' + 2, 5 - '2', '3' ** 2, +'', +' 12 ', +'abc', -'4', 1/3, 100/3, 2**53 + 1, 123456789012345680000);
let i = 0; console.log(i++, i, ++i, i, i--, i, --i, i);
let x = 5; x += 3; x -= 1; x *= 2; x /= 7; x %= 3; x **= 2; x <<= 3; x |= 1; console.log(x);
""",
    "equality": r"""
const vals = [0, -0, '', '0', null, undefined, NaN, false, true, [], {}, '1', 1];
const out = [];
for (const a of vals) { let row = ''; for (const b of vals) row += (a == b ? 1 : 0) + '' + (a === b ? 1 : 0) + ' '; out.push(row); }
console.log(out.join('\n'));
let u, n = null; console.log(u == n, u === n, u == 0, n == 0, n == false, typeof u, typeof n);
console.log(typeof 1, typeof 'a', typeof true, typeof {}, typeof [], typeof function(){}, typeof Symbol(), typeof undeclared);
""",
    "own-names-of-strings": r"""
console.log(Object.getOwnPropertyNames("ab"), Object.getOwnPropertyNames(new String("xyz")), Object.getOwnPropertyNames([1]));
console.log(Object.getOwnPropertyNames(5), Object.keys("ab"), Object.getOwnPropertyNames({a: 1}));
""",
    "strings": r"""
console.log('abc'[1], 'abc'.length, '😀'.length, 'b' > 'a', 'B' < 'a', 'é' > 'z', `t${1 + 1}t${'x'}`, 'a\tb\u0041\x42');
console.log(` multi
line`, 'ab' + 1 + 2, 1 + 2 + 'ab', String(null), String([1, [2, 3]]), String({}), `${[1, 2]}`);
for (const ch of 'a😀b') console.log(ch, ch.length);
""",
    "scopes": r"""
var fns = []; for (var k = 0; k < 3; k++) fns.push(function () { return k; }); console.log(fns.map(f => f()));
const lets = []; for (let k = 0; k < 3; k++) lets.push(() => k); console.log(lets.map(f => f()));
const ofs = []; for (const v of [1, 2]) ofs.push(() => v); console.log(ofs.map(f => f()));
function counter() { let c = 0; return { inc: () => ++c, get: () => c }; }
const c1 = counter(); c1.inc(); c1.inc(); console.log(c1.get());
try { console.log(tdz); let tdz = 1; } catch (e) { console.log(e.name, e.message); }
function readLater() { return later; } try { readLater(); } catch (e) { console.log(e.message); } let later = 3; console.log(readLater());
const K = 1; try { K = 2; } catch (e) { console.log(e.message); }
{ let shadow = 1; { let shadow = 2; console.log(shadow); } console.log(shadow); }
console.log(hoisted(), typeof hv); function hoisted() { return 'h'; } var hv = 1;
function makeAdders() { const r = []; for (let i = 0; i < 3; i++) { let j = i * 10; r.push(x => x + i + j); } return r; }
console.log(makeAdders().map(f => f(1)));
""",
    "functions": r"""
function args() { return arguments.length + ':' + [...arguments].join('|'); }
console.log(args(1, 2, 3), args());
function def(a, b = a * 2, ...r) { return [a, b, r]; }
console.log(def(1), def(1, 5, 7, 8), def.length, args.name, (() => 1).name);
const named = function inner(n) { return n ? inner(n - 1) + 1 : 0; }; console.log(named(4), named.name);
console.log(Math.max(...[1, 5, 3]), [..."héllo"], {...{a: 1}, b: 2}, [...new Set([1, 1, 2])]);
const obj = { n: 'o', f() { return this.n; }, g: function () { return (() => this.n)(); } };
console.log(obj.f(), obj.g(), obj.f.call({ n: 'z' }), obj.f.apply({ n: 'y' }, []), obj.f.bind({ n: 'b' })());
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); } console.log(fact(20), fact(170) > 1e300);
function even(n) { return n === 0 ? true : odd(n - 1); } function odd(n) { return n === 0 ? false : even(n - 1); }
console.log(even(100), odd(7));
function deep(n) { return n === 0 ? 0 : 1 + deep(n - 1); } console.log(deep(5000));
function inf() { return inf() + 1; } try { inf(); } catch (e) { console.log(e instanceof RangeError, e.message); }
const compose = (...fs) => x => fs.reduceRight((v, f) => f(v), x); console.log(compose(x => x + 1, x => x * 2)(5));
console.log(this === module.exports, typeof __filename, typeof __dirname, typeof require, typeof exports);
""",
    "objects": r"""
const key = 'dyn';
const o2 = { _v: 1, get v() { return this._v * 10; }, set v(x) { this._v = x; }, [key + 1]: true, 2: 'two', 1: 'one' };
o2.v = 4; console.log(o2.v, o2, Object.keys(o2));
const frozen = Object.freeze({ a: 1 }); frozen.a = 2; frozen.b = 3; console.log(frozen, Object.isFrozen(frozen));
const proto = { hi() { return 'hi ' + this.n; } }; const ch = Object.create(proto); ch.n = 'c';
console.log(ch.hi(), 'hi' in ch, ch.hasOwnProperty('hi'), Object.getPrototypeOf(ch) === proto);
console.log(Object.entries({ a: 1, b: [2] }), Object.assign({}, { x: 1 }, { y: 2 }), Object.fromEntries([['k', 'v']]));
const od = {}; Object.defineProperty(od, 'hid', { value: 5, enumerable: false }); console.log(od, od.hid, Object.keys(od));
const dobj = { a: 1, b: 2 }; delete dobj.a; console.log(dobj, 'b' in dobj, 'a' in dobj, (1, 2, 3), void 0);
const oc = { a: { b: null } }; console.log(oc?.a?.b?.c, oc.x?.y.z, oc.a.b ?? 'dflt', oc.f?.(), (0 || null) ?? 'n');
let la = null; la ??= 5; let lb = 1; lb ||= 9; let lc = 1; lc &&= 7; console.log(la, lb, lc);
const { p = 5, q: { r } = { r: 'dr' }, ...rest } = { s: 1, t: 2 }; console.log(p, r, rest);
let [m1, , m3 = 'd', ...mr] = [1, 2, undefined, 4, 5]; console.log(m1, m3, mr);
let sa = 1, sb = 2; [sa, sb] = [sb, sa]; console.log(sa, sb);
for (const k in { x: 1, y: 2 }) console.log(k);
const counts = {}; for (const w of ['a', 'b', 'a']) counts[w] = (counts[w] || 0) + 1; console.log(counts);
const o3 = { toString() { return 'O3'; } }; console.log(`${o3}`, o3 + '', String(o3));
const o4 = { valueOf() { return 42; } }; console.log(o4 + 1, o4 * 2, o4 > 41);
""",
    "arrays": r"""
const arr2 = [3, 1, 2]; arr2.sort(); console.log(arr2, arr2.length, arr2.indexOf(2)); arr2.length = 1; console.log(arr2);
const sparse = [1, , 3]; console.log(sparse, sparse.length, sparse[1]);
const big = []; big[5] = 1; console.log(big, big.length);
const a = []; for (let i = 0; i < 5; i++) a.push(i * i); a[a.length] = 99; console.log(a, a[2], a['3'], a[10], a[-1]);
console.log([1, 2, 3].map((x) => x * 2).filter(x => x > 2).reduce((acc, v) => acc + v, 0));
for (const [i, v] of ['x', 'y'].entries()) console.log(i, v);
const m = new Map([[1, 'a'], [2, 'b']]); for (const [k, v] of m) console.log(k, v);
const nested = [[1, 2], [3, [4, 5]]]; console.log(nested, nested[1][1][0], JSON.stringify(nested));
""",
    "control": r"""
outer: for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j == 1) continue outer; if (i == 2) break outer; console.log(i, j); } }
for (let i = 0; i < 4; i++) { switch (i) { case 1: continue; case 2: break; default: console.log('def', i); } console.log('after', i); }
switch ('b') { case 'a': console.log('a'); default: console.log('default'); case 'c': console.log('c'); break; case 'd': console.log('d'); }
let n = 0; do { n++; if (n === 2) continue; } while (n < 5); console.log(n);
let w = 0; while (true) { if (++w > 3) break; } console.log(w);
blk: { console.log('in'); if (w) break blk; console.log('never'); }
for (let i = 0, j = 10; i < j; i += 3, j -= 3) console.log(i, j);
let t = 0; for (;;) { t++; if (t > 2) break; } console.log(t);
function fin() { try { return 'try'; } finally { console.log('finally runs'); } } console.log(fin());
function fin2() { for (let i = 0; i < 3; i++) { try { if (i === 1) continue; if (i === 2) break; } finally { console.log('f', i); } } return 'done'; }
console.log(fin2());
function over() { try { throw new Error('x'); } catch (e) { return 'caught ' + e.message; } finally { console.log('cleanup'); } }
console.log(over());
try { try { throw 1; } finally { console.log('inner finally'); } } catch (v) { console.log('outer', v); }
console.log(1 ? 'a' : 'b', 0 ? 'a' : 'b', '' || 'or', 'x' && 'and', null ?? 'nn');
""",
    "classes": r"""
class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr'; this.code = 42; } }
try { throw new MyErr('bad'); } catch (e) { console.log(e.name, e.message, e.code, e instanceof MyErr, e instanceof Error, String(e)); }
class P { static count = 0; x = 1; #hidden = 7; static make() { P.count++; return new P(); }
  get y() { return this.x + 1; } set y(v) { this.x = v; } peek() { return this.#hidden; } }
const p1 = P.make(); p1.y = 10; console.log(p1.x, p1.y, P.count, p1, p1.peek());
class Animal { constructor(name) { this.name = name; } speak() { return `${this.name} makes a sound`; } toString() { return 'Animal ' + this.name; } }
class Dog extends Animal { speak() { return super.speak() + ' (woof)'; } }
const d = new Dog('Rex'); console.log(d.speak(), `${d}`, d, Dog.name, typeof Dog, Object.getPrototypeOf(d) === Dog.prototype);
console.log(P, Dog, [1, 'a', null, undefined, true], function foo() {}, () => 1, d instanceof Animal);
class Shape { area() { return 0; } describe() { return `${this.constructor.name} ${this.area()}`; } }
class Sq extends Shape { constructor(s) { super(); this.s = s; } area() { return this.s ** 2; } }
class Cube extends Sq { area() { return 6 * super.area(); } }
console.log(new Sq(3).describe(), new Cube(2).describe(), [new Sq(1), new Cube(1)].map(s => s.area()));
try { Dog('x'); } catch (e) { console.log(e.message); }
function Old(v) { this.v = v; } Old.prototype.get = function () { return this.v; }; console.log(new Old(3).get(), new Old(4));
class Counter { static #n = 0; static inc() { return ++Counter.#n; } } Counter.inc(); console.log(Counter.inc());
""",
    "errors": r"""
try { undefinedFn(); } catch (e) { console.log(e.name + ': ' + e.message); }
try { const o = {}; o.foo(); } catch (e) { console.log(e.message); }
try { let u; u.bar; } catch (e) { console.log(e.message); }
try { null.x = 1; } catch (e) { console.log(e.message); }
try { for (const x of 5) {} } catch (e) { console.log(e.constructor.name); }
try { new (() => 1)(); } catch (e) { console.log(e.message); }
try { (void 0)(); } catch (e) { console.log(e.constructor.name); }
try { throw { custom: true }; } catch (e) { console.log(e); }
const e1 = new RangeError('r'); console.log(e1.name, e1.message, Object.prototype.toString.call(e1), `${e1}`);
const e2 = new Error('with cause', { cause: 'c' }); console.log(e2.cause, e2 instanceof Error);
console.log(e1.stack.split('\n')[0], typeof e1.stack);
""",
}


@pytest.fixture(scope="module")
def results() -> dict:
    return run_both(SNIPPETS)


@pytest.mark.parametrize("name", list(SNIPPETS))
def test_matches_node(results: dict, name: str) -> None:
    (nout, nerr, nstatus), (out, err, status) = results[name]
    assert status == nstatus, f"status {status} != node {nstatus}\nstderr: {err}"
    assert out == nout
