// A tiny stack-machine interpreter running a factorial program.
const program = [
  ["push", 1], ["store", "acc"], ["push", 10], ["store", "n"],
  ["label", "loop"], ["load", "n"], ["jz", "end"],
  ["load", "acc"], ["load", "n"], ["mul"], ["store", "acc"],
  ["load", "n"], ["push", 1], ["sub"], ["store", "n"], ["jmp", "loop"],
  ["label", "end"], ["load", "acc"], ["print"],
];
function run(code) {
  const labels = {};
  code.forEach(([op, arg], i) => op === "label" && (labels[arg] = i));
  const stack = [], vars = {};
  let pc = 0, steps = 0;
  while (pc < code.length) {
    const [op, arg] = code[pc++];
    steps++;
    switch (op) {
      case "push": stack.push(arg); break;
      case "store": vars[arg] = stack.pop(); break;
      case "load": stack.push(vars[arg]); break;
      case "mul": stack.push(stack.pop() * stack.pop()); break;
      case "sub": { const b = stack.pop(); stack.push(stack.pop() - b); break; }
      case "jz": if (stack.pop() === 0) pc = labels[arg]; break;
      case "jmp": pc = labels[arg]; break;
      case "print": console.log("output:", stack.pop()); break;
    }
  }
  return steps;
}
console.log("steps:", run(program));
