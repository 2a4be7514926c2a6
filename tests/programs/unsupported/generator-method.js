// expect: Unsupported: generator at 4:3
class Tree {
  constructor() { this.items = [1, 2]; }
  *[Symbol.iterator]() {
    yield* this.items;
  }
}
console.log([...new Tree()]);
