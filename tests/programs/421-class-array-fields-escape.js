// Class array fields that must stay dynamic arrays: aliased into a local, passed to a
// function, printed on their own, read out of range and holding holes; beside fields
// of records that stay typed (an array of instances, nested arrays).
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
}

class Polygon {
  constructor() {
    this.points = [];
    this.tags = [];
    this.grid = [[1, 2], [3, 4]];
    this.log = [];
  }
  add(x, y) { this.points.push(new Point(x, y)); this.tags.push(x + y); }
  perimeter() {
    let sum = 0;
    for (let i = 0; i < this.points.length; i++) {
      const a = this.points[i], b = this.points[(i + 1) % this.points.length];
      sum += Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
    }
    return sum;
  }
  note(v) { this.log.push(v); }
}

function total(arr) {
  let s = 0;
  for (const v of arr) s += v;
  arr.push(-1);
  return s;
}

const poly = new Polygon();
poly.add(0, 0); poly.add(4, 0); poly.add(4, 3); poly.add(0, 3);
console.log(poly.perimeter(), poly.points.length, poly.points[2].x);

// `tags` goes to a function that changes it: the caller sees the change
console.log(total(poly.tags), poly.tags.length, poly.tags);

// `log` is aliased: both names see each other's writes
const alias = poly.log;
poly.note(1);
alias.push(2);
poly.note(3);
console.log(alias.length, poly.log, alias === poly.log);

// nested arrays
poly.grid[1][0] += 10;
console.log(poly.grid, poly.grid[0].length);

class Sparse {
  constructor() { this.cells = [1, 2, 3]; this.more = [5]; }
}
const sp = new Sparse();
sp.cells[5] = 9;  // a hole at 3 and 4
console.log(sp.cells, sp.cells[4], sp.cells[10], sp.cells.length);
console.log(sp.more[3], sp.more[-1], sp.more[0.5], sp.more.length);
console.log(poly, sp);
