// Destructuring null or undefined, or a value that is not iterable: V8's exact messages.
let missing;
const empty = null;
const box = { inner: undefined, count: 5 };
const attempts = [
  () => { const { a } = null; },
  () => { const { a } = missing; },
  () => { const { b: renamed } = empty; },
  () => { const { a } = box.inner; },
  () => { const {} = empty; },
  () => { const { ['x' + 1]: y } = missing; },
  () => { const { ...rest } = empty; },
  () => { const { 'two words': t } = empty; },
  () => { const { 7: seven } = missing; },
  () => { const { a = 1 } = empty; },
  () => { const { a: { b } } = {}; },
  () => { const [{ a }] = [null]; },
  () => { let a; ({ a } = missing); },
  () => { function take({ a }) { return a; } take(); },
  () => { function take({ a }) { return a; } take(null); },
  () => { function pair([x, y]) { return x + y; } pair(); },
  () => { function pair([x, y]) { return x + y; } pair(null); },
  () => { function pair([x, y]) { return x + y; } pair(box.count); },
  () => { const [x] = missing; },
  () => { const [x] = null; },
  () => { const [x] = empty; },
  () => { const [x] = box; },
  () => { const [x] = box.inner; },
  () => { const [x] = 5; },
  () => { let x; [x] = empty; },
  () => { for (const [k, v] of [null]) {} },
  () => { for (const { a } of [undefined]) {} },
];
for (const attempt of attempts) {
  try {
    attempt();
    console.log('no error');
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
}
const { config } = null;
