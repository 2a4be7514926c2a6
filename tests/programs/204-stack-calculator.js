// A reverse-Polish-notation calculator with error reporting.
function rpn(expr) {
  const stack = [];
  for (const tok of expr.split(" ").filter(Boolean)) {
    if (!isNaN(tok)) {
      stack.push(Number(tok));
      continue;
    }
    if (stack.length < 2) throw new Error(`stack underflow at '${tok}'`);
    const b = stack.pop(), a = stack.pop();
    switch (tok) {
      case "+": stack.push(a + b); break;
      case "-": stack.push(a - b); break;
      case "*": stack.push(a * b); break;
      case "/": stack.push(a / b); break;
      case "^": stack.push(a ** b); break;
      default: throw new Error(`unknown operator '${tok}'`);
    }
  }
  if (stack.length !== 1) throw new Error(`malformed: ${stack.length} values left`);
  return stack[0];
}
for (const e of ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 ^ 2 ^", "1 0 /", "1 +", "1 2 3", "4 2 %"]) {
  try {
    console.log(e, "=>", rpn(e));
  } catch (err) {
    console.log(e, "!!", err.message);
  }
}
