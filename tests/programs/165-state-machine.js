// A table-driven state machine parsing a simple command language.
const transitions = {
  idle: { start: "running", stop: "idle" },
  running: { pause: "paused", stop: "idle", tick: "running" },
  paused: { resume: "running", stop: "idle" },
};
function run(commands) {
  let state = "idle";
  const log = [];
  let ticks = 0;
  for (const cmd of commands) {
    const next = transitions[state][cmd];
    if (next === undefined) {
      log.push(`! ${cmd} invalid in ${state}`);
      continue;
    }
    if (cmd === "tick") ticks++;
    log.push(`${state} --${cmd}--> ${next}`);
    state = next;
  }
  return { state, ticks, log };
}
const result = run(["start", "tick", "tick", "pause", "tick", "resume", "tick", "stop", "resume"]);
console.log(result.log.join("\n"));
console.log(result.state, result.ticks);
