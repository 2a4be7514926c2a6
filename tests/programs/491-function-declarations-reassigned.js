// A function declaration's name is an ordinary variable: loop heads, assignments,
// patterns and updates may replace the function it first holds.
function step() { return 'step'; }
console.log(step(), typeof step);
for (step of [1, 2, 3]) console.log('of', step);
console.log(step);

function key() { return 'key'; }
console.log(key());
for (key in { a: 1, b: 2 }) console.log('in', key);
console.log(key);

function plain() { return 'plain'; }
const before = plain;
plain = function () { return 'replaced'; };
console.log(before(), plain(), before === plain);

function pair() { return 0; }
[pair] = [(x) => x + 1];
console.log(pair(41));

function fromObj() { return 0; }
({ fromObj } = { fromObj: () => 'destructured' });
console.log(fromObj());

function counter() { return 0; }
counter = 5;
counter++;
counter += 10;
console.log(counter);

function maybe() { return 'kept'; }
maybe ||= () => 'never';
console.log(maybe());

function once() { once = () => 'later'; return 'first'; }
console.log(once(), once(), once());

function calls() { return helper(); }
function helper() { return 'helper 1'; }
console.log(calls());
helper = () => 'helper 2';
console.log(calls());

function local(xs) {
  function pick() { return 'none'; }
  const seen = [pick()];
  for (pick of xs) seen.push(pick);
  return seen.join(',');
}
console.log(local(['a', 'b']));
