// A class implementing the iterator protocol by hand (no generators).
class Range {
  constructor(start, end, step = 1) {
    Object.assign(this, { start, end, step });
  }
  [Symbol.iterator]() {
    let cur = this.start;
    const { end, step } = this;
    return {
      next: () => (cur < end ? { value: (cur += step) - step, done: false } : { value: undefined, done: true }),
    };
  }
}
console.log([...new Range(0, 5)], [...new Range(0, 10, 3)]);
let total = 0;
for (const x of new Range(1, 101)) total += x;
console.log(total);
const [a, b, ...rest] = new Range(10, 15);
console.log(a, b, rest, Array.from(new Range(0, 3), x => x * 2), new Set(new Range(0, 3)));
