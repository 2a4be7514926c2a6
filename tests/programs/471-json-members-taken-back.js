// JSON.stringify writes a member's key before its value: members JSON has no text for
// (undefined, functions, symbols, a toJSON returning undefined) must leave no key, comma or
// indentation behind, at the start, middle and end of an object, flat and indented.
const skip = { a: undefined, b: 1, c: function () {}, d: 'x', e: Symbol('s') };
console.log(JSON.stringify(skip));
console.log(JSON.stringify(skip, null, 2));
console.log(JSON.stringify({ only: undefined }));
console.log(JSON.stringify({ only: undefined }, null, '--'));
console.log(JSON.stringify({ first: () => 1, second: [undefined, () => 2, 3] }));
console.log(JSON.stringify({ t: { toJSON() { return undefined; } }, u: 2 }));

// a toJSON further in changes elements and members not yet written: JSON writes what it
// then finds (the array's length is read once, before its elements)
const arr = [1, { toJSON() { arr[2] = 'changed'; arr.push('late'); return 'mid'; } }, 3];
console.log(JSON.stringify(arr), arr.length);
const obj = { a: { toJSON() { delete obj.b; obj.c = 'new'; return 'A'; } }, b: 'gone', c: 'old' };
console.log(JSON.stringify(obj));
const proto = { inherited: 'from proto' };
const child = Object.create(proto);
child.first = { toJSON() { delete child.inherited; return 1; } };
child.inherited = 'own';
console.log(JSON.stringify(child), Object.keys(child));

// getters serialise their value; numbers as String() writes them, non-finite as null
const acc = { get g() { return [1.5, -0, 1e21, NaN, Infinity, 2 ** 53]; }, n: 1e-7 };
console.log(JSON.stringify(acc));

// strings: escapes quoted, plain runs copied whole, non-ASCII kept
console.log(JSON.stringify(['plain', 'q"uote', 'back\\slash', 'tab\tnl\ncr\r', '\b\f\u0001\u001f', 'é→😀', '']));
console.log(JSON.stringify({ 'key "q"': 1, 'ü': 2, '\n': 3 }));

// JSON.parse: strings with and without escapes, non-ASCII, surrogate escapes
const parsed = JSON.parse('{"a":"plain","b":"esc\\"aped\\n","c":"caf\u00e9 \u2192","d":"\\ud83d\\ude00","e":"\\u00e9x","f":""}');
console.log(parsed, parsed.d.length, parsed.e.length);
console.log(JSON.parse('["x\\\\y", "\\/", "a\\tb"]'));
for (const bad of ['"unterminated', '"ctl\u0001"', '"bad \\q"']) {
  try { JSON.parse(bad); } catch (e) { console.log(e.name); }
}

// a regular-expression split of ASCII and non-ASCII text, pieces used afterwards
const words = 'The quick, brown fox -- jumps!'.toLowerCase().split(/[^a-z]+/);
console.log(words, words.map((w) => w.length));
console.log('naïve café, déjà vu'.split(/[ ,]+/), 'a😀b😀c'.split(/😀/));
console.log('x1y22z333'.split(/(\d+)/), 'abc'.split(/(?:)/), ''.split(/x/), 'a,b,c'.split(/,/, 2));
