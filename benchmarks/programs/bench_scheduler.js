// bench: train 50, run 40000
// A cooperative task scheduler with virtual dispatch across several small classes.
class Task {
  constructor(id, priority) { this.id = id; this.priority = priority; this.runs = 0; }
  step(state) { this.runs++; return this.work(state); }
  work(state) { return 0; }
}
class Counter extends Task {
  work(state) { state.counter += this.priority; return 1; }
}
class Hasher extends Task {
  work(state) { state.hash = (state.hash * 31 + this.id) % 1000003; return 2; }
}
class Mover extends Task {
  constructor(id, priority, step) { super(id, priority); this.delta = step; }
  work(state) { state.position += this.delta; if (state.position > 1000) state.position -= 2000; return 3; }
}
class Scheduler {
  constructor() { this.tasks = []; this.clock = 0; }
  add(task) { this.tasks.push(task); }
  run(rounds, state) {
    let work = 0;
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < this.tasks.length; i++) {
        const t = this.tasks[i];
        if ((this.clock + t.priority) % 3 !== 0) work += t.step(state);
        this.clock++;
      }
    }
    return work;
  }
}
const s = new Scheduler();
for (let i = 0; i < 30; i++) {
  if (i % 3 === 0) s.add(new Counter(i, i % 7));
  else if (i % 3 === 1) s.add(new Hasher(i, i % 5));
  else s.add(new Mover(i, i % 4, i - 15));
}
const state = { counter: 0, hash: 7, position: 0 };
const work = s.run(Number(process.argv[2] || 200), state);
console.log(work, state.counter, state.hash, state.position, s.tasks[1].runs);
