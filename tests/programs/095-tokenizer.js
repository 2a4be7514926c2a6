// A hand-written tokenizer and recursive-descent evaluator for arithmetic.
function tokenize(src) {
  const tokens = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === " ") {
      i++;
    } else if ("0123456789.".includes(ch)) {
      let j = i;
      while (j < src.length && "0123456789.".includes(src[j])) j++;
      tokens.push({ type: "num", value: parseFloat(src.slice(i, j)) });
      i = j;
    } else if ("+-*/()^".includes(ch)) {
      tokens.push({ type: "op", value: ch });
      i++;
    } else if (/* identifier */ (ch >= "a" && ch <= "z")) {
      let j = i;
      while (j < src.length && src[j] >= "a" && src[j] <= "z") j++;
      tokens.push({ type: "id", value: src.slice(i, j) });
      i = j;
    } else {
      throw new SyntaxError("unexpected " + ch + " at " + i);
    }
  }
  return tokens;
}
function evaluate(src, env) {
  const toks = tokenize(src);
  let pos = 0;
  const peek = () => toks[pos];
  const next = () => toks[pos++];
  function primary() {
    const t = next();
    if (!t) throw new SyntaxError("unexpected end");
    if (t.type === "num") return t.value;
    if (t.type === "id") return env[t.value] ?? 0;
    if (t.value === "-") return -primary();
    if (t.value === "(") {
      const v = expr();
      next();
      return v;
    }
    throw new SyntaxError("bad token " + t.value);
  }
  function power() {
    const base = primary();
    if (peek() && peek().value === "^") {
      next();
      return base ** power();
    }
    return base;
  }
  function term() {
    let v = power();
    while (peek() && (peek().value === "*" || peek().value === "/")) v = next().value === "*" ? v * power() : v / power();
    return v;
  }
  function expr() {
    let v = term();
    while (peek() && (peek().value === "+" || peek().value === "-")) v = next().value === "+" ? v + term() : v - term();
    return v;
  }
  return expr();
}
console.log(tokenize("3 + x*(2 - 1.5)"));
const env = { x: 4, y: 0.5 };
for (const src of ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "x * y - -3", "10 / 4 / 5", "((x))", "1 / 0", "7 $ 2"]) {
  try {
    console.log(src, "=", evaluate(src, env));
  } catch (e) {
    console.log(src, "->", e.name, e.message);
  }
}
