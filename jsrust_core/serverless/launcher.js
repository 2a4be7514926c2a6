// ActionLoop-speaking launcher for a JavaScript OpenWhisk action (run by node_action.py).
//
// Why this shape: the local runner drives JS actions and native `exec` actions through one
// protocol, the one OpenWhisk's Go proxy uses for native actions (ActionLoop), so both kinds
// pay the same pipe and HTTP costs in a comparison.  The action is loaded the way OpenWhisk's
// Node.js runtime loads plain code: the source is evaluated inside a function that sees
// `module`, `exports` and `require`, and the entry point is the function named `main`
// (or `exports.main` / `module.exports.main` when no such top-level function exists).
//
// usage: node launcher.js ACTION.js [MAIN_NAME]
// stdin : one JSON line per activation: the /run body ({"value": params, "activation_id": ...})
// fd 3  : {"ok":true} first when __OW_WAIT_FOR_ACK is set, then exactly one JSON line per activation
'use strict';
const fs = require('fs');
const path = require('path');
const readline = require('readline');

const actionPath = path.resolve(process.argv[2]);
const mainName = process.argv[3] || 'main';
const RESULT_FD = 3;

function loadAction(file, name) {
  const code = fs.readFileSync(file, 'utf8');
  const mod = { exports: {}, filename: file, id: file };
  const localRequire = (spec) => require(spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : spec);
  // Same lookup order as the Node runtime: a top-level function named `name`, else the export.
  const factory = new Function('module', 'exports', 'require', '__filename', '__dirname',
    code + '\n;return (typeof ' + name + " === 'function') ? " + name +
    ' : (module.exports && module.exports.' + name + ') || exports.' + name + ';');
  const fn = factory(mod, mod.exports, localRequire, file, path.dirname(file));
  if (typeof fn !== 'function') {
    throw new Error("Action entrypoint '" + name + "' is not a function.");
  }
  return fn;
}

function send(line) {
  fs.writeSync(RESULT_FD, line + '\n');
}

function setActivationEnv(body) {
  for (const key of Object.keys(body)) {
    if (key === 'value') continue;
    const v = body[key];
    process.env['__OW_' + key.toUpperCase()] = typeof v === 'string' ? v : JSON.stringify(v);
  }
}

// A developer error (the action threw, or returned no dictionary) is an HTTP 502 in OpenWhisk,
// unlike an application error (a returned {error}); the marker key tells the runner which it is
// and is removed before the answer leaves the runner.
function developerError(message) {
  return { error: message, __ow_developer_error: true };
}

// The answer as one line of JSON text (JSON.stringify never emits a raw newline); a result
// JSON cannot express (a cycle) is the action's error, as in the Node runtime.
async function activate(main, line) {
  const result = await call(main, line);
  try {
    return JSON.stringify(result);
  } catch (e) {
    return JSON.stringify(developerError('An error has occurred: ' + String(e)));
  }
}

async function call(main, line) {
  let body;
  try {
    body = JSON.parse(line);
  } catch (e) {
    return developerError('The action did not receive a valid JSON request: ' + e.message);
  }
  setActivationEnv(body);
  let result;
  try {
    result = await main(body.value);
  } catch (e) {
    return developerError('An error has occurred: ' + String(e));
  }
  if (result === undefined) result = {};
  if (result === null || typeof result !== 'object' || Array.isArray(result)) {
    return developerError('The action did not return a dictionary.');
  }
  return result;
}

let main;
try {
  main = loadAction(actionPath, mainName);
} catch (e) {
  process.stderr.write('Initialization has failed: ' + (e && e.stack || e) + '\n');
  process.exit(1);
}
if (process.env.__OW_WAIT_FOR_ACK) send(JSON.stringify({ ok: true }));

// Activations are answered strictly in arrival order, one at a time, as the proxy expects.
let queue = Promise.resolve();
readline.createInterface({ input: process.stdin, terminal: false }).on('line', (line) => {
  if (line.trim() === '') return;
  queue = queue.then(() => activate(main, line)).then(send);
});
