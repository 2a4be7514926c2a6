// Validating input with regular expressions: anchors, classes, counted repeats, lookahead.
const checks = {
  email: /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/,
  zip: /^\d{5}(-\d{4})?$/,
  hex: /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i,
  time: /^([01]?\d|2[0-3]):([0-5]\d)$/,
  strong: /^(?=.*\d)(?=.*[a-z])(?=.*[A-Z]).{8,}$/,
  ident: /^[A-Za-z_$][\w$]*$/,
};
const samples = ["ada@example.com", "bad@", "a.b+c@mail.co.uk", "12345", "12345-6789", "1234",
  "#FFF", "#a1b2c3", "ggg", "23:59", "24:00", "7:05", "Passw0rdX", "password", "_tmp$1", "9lives"];
for (const s of samples) {
  const ok = [];
  for (const name in checks) if (checks[name].test(s)) ok.push(name);
  console.log(JSON.stringify(s), ok.join(",") || "-");
}

// multiline anchors: every line that is a heading
const doc = "# Title\nintro text\n## Part one\n###no space\n## Part two\n";
const heads = doc.match(/^#{1,6} .*$/gm);
console.log(heads);
console.log(doc.replace(/^(#+) (.*)$/gm, function (m, hashes, title) { return hashes.length + ":" + title.toUpperCase(); }));
console.log(/^intro/.test(doc), /^intro/m.test(doc), /text$/.test(doc), /text$/m.test(doc));

// lazy vs greedy, alternation order, optional groups left undefined
console.log("<b>bold</b><i>it</i>".match(/<.+>/)[0], "<b>bold</b><i>it</i>".match(/<.+?>/g));
console.log(/(a|ab)(c|bcd)(d*)/.exec("abcd"), /(x)?y/.exec("y"));
console.log("aaa".replace(/a{2}/, "b"), "aaaa".replace(/a{1,3}?/g, "<$&>"), "ab".replace(/(?:(a)|b)+/, "[$1]"));

// case-insensitive classes and escapes
console.log("Straße STRASSE".match(/stra(ß|ss)e/gi), "TAB\there".split(/\t/), "a.b*c".split(/[.*]/));
console.log("price: $5, $10 and $1.50".replace(/\$(\d+)(\.\d+)?/g, function (m, whole, cents) {
  return (Number(whole) * 100 + (cents ? Number(cents.slice(1)) : 0)) + "c";
}));
