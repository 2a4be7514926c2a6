// An uncaught error thrown from a class method with a custom name property.
class Parser {
  parse(s) {
    if (!s.startsWith("{")) {
      const e = new SyntaxError("expected '{' at position 0");
      throw e;
    }
    return {};
  }
}
const p = new Parser();
console.log(p.parse("{}"));
p.parse("[]");
