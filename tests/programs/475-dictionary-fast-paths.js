// Dictionaries read and written by string keys: the common own-property hit takes a short
// path, so everything around it must still answer as Node does: keys from literals, from
// Object.keys and from substrings (equal text, other strings), missing keys, getters and
// setters, frozen objects, more than sixteen keys, and Object.create(null). Also the default
// sort of strings (shared first characters, empty, non-ASCII) and startsWith at the edges.
function tally(words) {
  const counts = {};
  for (const w of words) counts[w] = (counts[w] || 0) + 1;
  return counts;
}
const text = 'pear apple fig apple pear apple kiwi fig';
const fromSplit = tally(text.split(' '));
console.log(JSON.stringify(fromSplit));
const sub = text.substring(5, 10); // "apple", not the literal's string
console.log(fromSplit[sub], fromSplit['app' + 'le'], fromSplit.kiwi, fromSplit['plum']);
for (const k of Object.keys(fromSplit)) fromSplit[k] = fromSplit[k] * 10;
console.log(JSON.stringify(fromSplit));

const big = {};
for (let i = 0; i < 40; i++) big['k' + (i % 23)] = (big['k' + (i % 23)] || 0) + i;
console.log(Object.keys(big).length, big.k0, big.k22, big['k' + 5], big.k99);

const withAccessor = { a: 1 };
let seen = [];
Object.defineProperty(withAccessor, 'b', { get() { seen.push('get'); return 7; }, set(v) { seen.push('set ' + v); }, enumerable: true });
for (const k of ['a', 'b', 'a', 'b']) withAccessor[k] = (withAccessor[k] || 0) + 1;
console.log(JSON.stringify(withAccessor), seen.join(','));

const frozen = Object.freeze({ x: 1, y: 2 });
for (const k of ['x', 'y', 'z']) frozen[k] = (frozen[k] || 0) + 5;
console.log(JSON.stringify(frozen));
function strictWrite(o, k) {
  'use strict';
  try { o[k] = 9; return 'wrote'; } catch (e) { return e.name + ': ' + e.message; }
}
console.log(strictWrite(frozen, 'x'));
console.log(strictWrite({ x: 1 }, 'x'));

const bare = Object.create(null);
for (const k of ['toString', 'valueOf', 'toString', 'constructor']) bare[k] = (bare[k] || 0) + 1;
console.log(JSON.stringify(bare), Object.keys(bare).join(' '));
const plain = {};
console.log(plain['missing'], plain[sub], Object.keys(plain).length);

const words = ['pear', 'peach', '', 'Pear', 'p', 'pe', 'éclair', 'eclair', 'zebra', '\u{1F600}', 'ﬀ', 'apple', 'peach'];
console.log(JSON.stringify(words.slice().sort()));
const keyed = {};
for (const w of words) keyed[w] = w.length;
console.log(JSON.stringify(Object.keys(keyed).sort()));

const s = 'null,true,false';
const probes = [['null', 0], ['nul', 0], ['nulx', 0], ['true', 5], ['', 15], ['', 20], ['false', 10], ['falsey', 10],
  ['f', 15], ['n', -3], ['true', 4], [',', 4]];
console.log(probes.map(([p, at]) => s.startsWith(p, at)).join(' '));
const accented = 'café-crème';
console.log(accented.startsWith('caf'), accented.startsWith('é', 3), accented.startsWith('crème', 5), accented.startsWith('c', 11));
