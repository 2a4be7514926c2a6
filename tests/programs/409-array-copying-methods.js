// The ES2023 copying array methods: a new dense array (holes read as undefined), the
// receiver left as it was; with() checks its index.
const a = [3, , 1, 2];
console.log(a.toReversed(), a.toSorted(), a.toSorted((x, y) => y - x), a.toSpliced(1, 2, "x", "y"), a.toSpliced(), a.toSpliced(-1));
console.log(a.with(1, 9), a.with(-1, 0), a.with(NaN, 7), a.with(1.5, 8), a);
for (const f of [() => a.with(4, 1), () => a.with(-5, 1), () => a.toSorted(1)]) {
  try {
    console.log(f());
  } catch (e) {
    console.log(e.name, e.message);
  }
}
