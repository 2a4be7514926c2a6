// A linked list built in a loop, measured by a recursive length function.
function length(list) {
  if (list === null) return 0;
  return 1 + length(list.next);
}
let list = null;
for (let i = 0; i < 400; i++) list = { value: i, next: list };
console.log("length:", length(list), "head:", list.value);
