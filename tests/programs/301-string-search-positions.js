// String search methods with a position argument (startsWith/endsWith/includes/indexOf/lastIndexOf).
const t = '[2,false,3.5] and false again';
console.log(t.startsWith('false', 3), t.startsWith('false', 4), t.startsWith('[2', 0), t.startsWith('', 99));
console.log(t.endsWith('3.5]', 13), t.endsWith('again'), t.endsWith('[2', 2), t.endsWith('x', -1), t.endsWith('', 0));
console.log(t.includes('false', 3), t.includes('false', 19), t.includes('false', 20), t.includes('2', NaN));
console.log(t.indexOf('false', 4), t.indexOf('a', 100), t.indexOf('', 100));
console.log(t.lastIndexOf('false'), t.lastIndexOf('false', 18), t.lastIndexOf('false', 14), t.lastIndexOf('false', 2));
console.log(t.lastIndexOf('a', NaN), t.lastIndexOf('a', -5), t.lastIndexOf('[', -5), t.lastIndexOf('', 7), t.lastIndexOf('', 999));
const u = 'héllo wörld héllo';
console.log(u.lastIndexOf('héllo', 11), u.startsWith('wörld', 6), u.endsWith('wörld', 11), u.includes('ö', 8));
