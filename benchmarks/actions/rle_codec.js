// Run-length encode or decode a string ("aaab" <-> "3a1b"); malformed input is an application error.
module.exports.main = function (params) {
  const text = String(params.text || '');
  if (params.mode === 'decode') {
    let out = '';
    let count = '';
    for (const ch of text) {
      if (ch >= '0' && ch <= '9') count += ch;
      else {
        if (count === '') return { error: 'missing count before ' + JSON.stringify(ch) };
        out += ch.repeat(parseInt(count, 10));
        count = '';
      }
    }
    if (count !== '') return { error: 'dangling count ' + count };
    return { text: out, length: out.length };
  }
  let out = '';
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && text[j] === text[i]) j++;
    out += (j - i) + text[i];
    i = j;
  }
  return { encoded: out, ratio: text.length ? out.length / text.length : 1 };
};
