// A small recursive-descent parser for a JSON subset, compared with JSON.parse.
function parse(text) {
  let i = 0;
  const ws = () => {
    while (" \n\t\r".includes(text[i]) && i < text.length) i++;
  };
  function value() {
    ws();
    const ch = text[i];
    if (ch === "{") {
      i++;
      const obj = {};
      ws();
      if (text[i] === "}") return i++, obj;
      for (;;) {
        ws();
        const k = string();
        ws();
        i++;
        obj[k] = value();
        ws();
        if (text[i++] === "}") return obj;
      }
    }
    if (ch === "[") {
      i++;
      const arr = [];
      ws();
      if (text[i] === "]") return i++, arr;
      for (;;) {
        arr.push(value());
        ws();
        if (text[i++] === "]") return arr;
      }
    }
    if (ch === '"') return string();
    for (const [lit, v] of [["true", true], ["false", false], ["null", null]]) if (text.startsWith(lit, i)) return (i += lit.length), v;
    let j = i;
    while (j < text.length && "+-0123456789.eE".includes(text[j])) j++;
    const n = Number(text.slice(i, j));
    i = j;
    return n;
  }
  function string() {
    let out = "";
    i++;
    while (text[i] !== '"') {
      if (text[i] === "\\") {
        i++;
        out += { n: "\n", t: "\t", '"': '"', "\\": "\\" }[text[i]];
      } else out += text[i];
      i++;
    }
    i++;
    return out;
  }
  return value();
}
const src = '{"a": [1, 2.5, -3e2, {"b": null}], "c": "q\\"uote\\n", "d": true, "e": [], "f": {}}';
console.log(parse(src));
console.log(JSON.stringify(parse(src)) === JSON.stringify(JSON.parse(src)));
