// String literals come from one table of the program's literal values: the same text in
// several places is one value, appending to it copies, and `['a', 'b'][i]` indexes it.
const kinds = [];
for (let i = -1; i < 5; i++) kinds.push(['food', 'tools', 'books'][i]);
console.log(kinds, ['x', 'y'][1.5], ['x', 'y'][NaN], ['x', 'y'][0.0], ['x', 'y'][-0]);

function tag(n) {
  let s = 'item';
  s += '-' + n;
  return s;
}
console.log(tag(1), tag(2), 'item', 'item'.length);

const counts = {};
for (const w of 'a b a c b a'.split(' ')) counts[w] = (counts[w] || 0) + 1;
console.log(counts, counts['a'], counts['b' + ''], 'c' in counts, counts['d'] === undefined);

const table = { 'with space': 1, 'quote"s': 2, 'tab\there': 3, 'é∑😀': 4, '': 5 };
console.log(table['with space'], table['quote"s'], table['tab\there'], table['é∑😀'], table['']);
console.log(Object.keys(table), JSON.stringify(''), ''.length, 'é∑😀'.length);

function kind(v) {
  return typeof v === 'string' ? 'string:' + v : typeof v;
}
console.log([1, 'one', null, undefined, {}, [], () => 1, true].map(kind));
const same = 'shared';
const other = 'shar' + 'ed';
console.log(same === other, same === 'shared', [same, other].indexOf('shared'));
