// A final mixed program: classes, closures, Map, JSON and formatting together.
class Task {
  static #nextId = 1;
  constructor(title, priority = 2) {
    this.id = Task.#nextId++;
    this.title = title;
    this.priority = priority;
    this.done = false;
  }
}
class Board {
  #tasks = new Map();
  add(...titles) {
    for (const t of titles) {
      const task = typeof t === "string" ? new Task(t) : new Task(t.title, t.priority);
      this.#tasks.set(task.id, task);
    }
    return this;
  }
  complete(id) {
    const t = this.#tasks.get(id);
    if (!t) throw new RangeError(`no task ${id}`);
    t.done = true;
  }
  summary() {
    const all = [...this.#tasks.values()];
    const byPriority = Object.groupBy ? "groupBy available" : "no groupBy";
    return {
      open: all.filter(t => !t.done).sort((a, b) => a.priority - b.priority || a.id - b.id).map(t => `${t.id}:${t.title}`),
      done: all.filter(t => t.done).length,
      byPriority,
    };
  }
}
const board = new Board().add("write corpus", { title: "run node", priority: 1 }, "compare", { title: "report", priority: 3 });
board.complete(3);
try {
  board.complete(42);
} catch (e) {
  console.log(`${e.name}: ${e.message}`);
}
const s = board.summary();
console.log(s);
console.log(JSON.stringify(s, null, 2));
