// Rebuilding state from an event log with a reducer.
const events = [
  { type: "create", id: 1, title: "write tests" },
  { type: "create", id: 2, title: "fix bug" },
  { type: "complete", id: 1 },
  { type: "rename", id: 2, title: "fix the bug" },
  { type: "create", id: 3, title: "release" },
  { type: "delete", id: 3 },
  { type: "unknown", id: 9 },
];
function reduce(state, e) {
  switch (e.type) {
    case "create":
      return { ...state, [e.id]: { title: e.title, done: false } };
    case "complete":
      return { ...state, [e.id]: { ...state[e.id], done: true } };
    case "rename":
      return { ...state, [e.id]: { ...state[e.id], title: e.title } };
    case "delete": {
      const { [e.id]: _, ...rest } = state;
      return rest;
    }
    default:
      return state;
  }
}
const snapshots = [];
events.reduce((s, e) => {
  const next = reduce(s, e);
  snapshots.push(Object.keys(next).length);
  return next;
}, {});
console.log(events.reduce(reduce, {}));
console.log(snapshots);
