// jsrust's Node.js action runtime: an HTTP server that loads a JavaScript action into its own
// process and calls it per activation, as OpenWhisk's Node.js runtime does (so a measurement of
// a JS action includes node's own HTTP handling, exactly as in OpenWhisk, and nothing of ours).
//
// usage: node node_runtime.js [--host H] [--port P] [--action FILE] [--init] [--dir DIR] [--failed-log FILE]
//
// The contract is the one the ActionLoop proxy (proxy/main.rs) implements for native actions:
// * POST /init {"value": {"code", "binary", "main", "env"}}: plain source, or the base64 of a zip
//   whose package.json `main` (else index.js) is required as a module; `main` names the entry
//   point (a top-level function of plain source, else the module's export).  An empty `code`
//   takes --action's file.  400: a body that is not JSON, no `value` object, a bad `main`, `env`,
//   base64 or zip; 403: a second /init; 502: the action failed to load or has no such function.
// * POST /run {"value": {...}, "activation_id", ...}: every key but `value` becomes
//   process.env.__OW_<KEY>; 200 with the returned object (an {error} one is an application
//   error), 502 when main throws or rejects, returns no dictionary, or calls process.exit;
//   400 for a body that is not a JSON object, `value` not an object, /run before /init.
//   After process.exit the action is loaded afresh before the next activation, as a
//   replacement container would run it (the process itself stays up: the server survives
//   every error).  Activations run one at a time, in arrival order.
// * Logs: console output goes to stdout/stderr; each activation ends with the sentinel line on
//   both.  The params of every 502 activation are appended to --failed-log.
// * The first stderr line, `jsrust node runtime listening on http://H:P`, says it is ready.
// Stage times of /init (ms) are in its X-Jsrust-Init-Stages header; the time a /run spent in
// the action (µs) in X-Jsrust-Action-Us.
'use strict';
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

const SENTINEL = 'XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX';

function parseArgs(argv) {
  const o = { host: '127.0.0.1', port: 8080, action: null, init: false, dir: null, failedLog: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(a + ' needs a value');
      return argv[++i];
    };
    if (a === '--host') o.host = value();
    else if (a === '--port') o.port = Number(value());
    else if (a === '--action') o.action = path.resolve(value());
    else if (a === '--dir') o.dir = path.resolve(value());
    else if (a === '--failed-log') o.failedLog = value();
    else if (a === '--init') o.init = true;
    else throw new Error('unknown argument ' + JSON.stringify(a));
  }
  if (o.dir === null) o.dir = path.join(os.tmpdir(), 'jsrust-action-' + process.pid);
  return o;
}

const opts = parseArgs(process.argv.slice(2));

/** An HTTP answer: status and JSON body. */
function reply(status, body, headers) {
  return { status, body, headers: headers || {} };
}
function error(status, message) {
  return reply(status, { error: message });
}

/** Raised by process.exit while the runtime runs: an action must not take the server down. */
class ActionExit extends Error {
  constructor(code) {
    super('process.exit(' + (code === undefined ? '' : code) + ')');
    this.status = code === undefined ? (process.exitCode || 0) : code;
  }
}

// ---- zip ---------------------------------------------------------------------------------

/** The members of a zip from its central directory, as [{name, method, crc, size, mode, data}]. */
function zipMembers(buf) {
  let eocd = -1;
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 65535); at--) {
    if (buf.readUInt32LE(at) === 0x06054b50) { eocd = at; break; }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let pos = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(pos) !== 0x02014b50) throw new Error('bad central directory entry');
    const flags = buf.readUInt16LE(pos + 8);
    const nameLen = buf.readUInt16LE(pos + 28);
    const name = buf.toString('utf8', pos + 46, pos + 46 + nameLen);
    if (flags & 1) throw new Error(JSON.stringify(name) + ' is encrypted');
    const local = buf.readUInt32LE(pos + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error('bad local header for ' + JSON.stringify(name));
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({
      name, method: buf.readUInt16LE(pos + 10), crc: buf.readUInt32LE(pos + 16),
      size: buf.readUInt32LE(pos + 24), mode: (buf.readUInt32LE(pos + 38) >>> 16) & 0o777,
      data: buf.subarray(start, start + buf.readUInt32LE(pos + 20)),
    });
    pos += 46 + nameLen + buf.readUInt16LE(pos + 30) + buf.readUInt16LE(pos + 32);
  }
  return out;
}

/** Write every member under `root` with its mode; a name that would land outside refuses the zip. */
function unzip(buf, root) {
  const members = zipMembers(buf);
  const targets = members.map((m) => {
    const parts = m.name.split('/').filter((p) => p !== '' && p !== '.');
    if (m.name.startsWith('/') || parts.includes('..') || parts.length === 0) {
      throw new Error('the zip has an unsafe member name ' + JSON.stringify(m.name));
    }
    return path.join(root, ...parts);
  });
  members.forEach((m, k) => {
    const target = targets[k];
    if (m.name.endsWith('/')) { fs.mkdirSync(target, { recursive: true }); return; }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    let data;
    if (m.method === 0) data = m.data;
    else if (m.method === 8) data = zlib.inflateRawSync(m.data);
    else throw new Error(JSON.stringify(m.name) + ' uses compression method ' + m.method);
    if (data.length !== m.size || zlib.crc32(data) !== m.crc) throw new Error('bad CRC-32 for ' + JSON.stringify(m.name));
    const mode = m.mode || 0o644;
    try {
      fs.writeFileSync(target, data, { mode, flag: 'wx' });
    } catch (e) {
      if (e.code === 'EEXIST') throw new Error('the zip holds ' + JSON.stringify(m.name) + ' twice');
      throw e;
    }
    fs.chmodSync(target, mode);   // exactly the zip's mode, whatever the umask
  });
}

// ---- loading an action -------------------------------------------------------------------

/** The entry function of plain source: evaluated inside a function that sees `module`,
 * `exports` and `require` (as Node's module wrapper does); `main` is the top-level function of
 * that name, else the export. */
function loadSource(code, mainName, dir) {
  const file = path.join(dir, 'action.js');
  const mod = { exports: {}, filename: file, id: file };
  const localRequire = (spec) => require(spec.startsWith('.') ? path.resolve(dir, spec) : spec);
  const factory = new Function('module', 'exports', 'require', '__filename', '__dirname',
    code + '\n;return (typeof ' + mainName + " === 'function') ? " + mainName +
    ' : (module.exports && module.exports.' + mainName + ') || exports.' + mainName + ';');
  return factory(mod, mod.exports, localRequire, file, dir);
}

/** The entry function of an unzipped action: its package.json `main`, else index.js, required. */
function loadZip(dir, mainName) {
  let entry = path.join(dir, 'index.js');
  const pkg = path.join(dir, 'package.json');
  if (fs.existsSync(pkg)) {
    const declared = JSON.parse(fs.readFileSync(pkg, 'utf8')).main;
    if (declared) entry = path.resolve(dir, declared);
  }
  if (!fs.existsSync(entry)) return null;
  return () => require(entry)[mainName];
}

/** Forget the modules of the action directory, so the next load evaluates them afresh. */
function unloadModules(dir) {
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(dir + path.sep)) delete require.cache[key];
  }
}

// ---- the container -----------------------------------------------------------------------

const state = {
  load: null,        // () => the entry function, once /init succeeded
  dir: null,         // where the action's files are
  attempts: 0,       // /init attempts that unpacked a zip
  main: null,        // the loaded entry function
  stale: false,      // the action called process.exit: load it afresh before the next activation
  queue: Promise.resolve(),
  current: null,     // the activation in flight: {fail(err)} for errors raised outside its promise
};

function invalid(message) {
  return error(400, 'invalid action: ' + message);
}

// `arrived` / `received`: hrtime when the request's head and its whole body had arrived, so the
// stages cover the body's transfer (`read`) and its JSON parse as the proxy's do
function init(body, arrived, received) {
  const stages = { read: Number(received - arrived) / 1e6 };
  let mark = received;
  const stage = (name) => {
    const now = process.hrtime.bigint();
    stages[name] = Number(now - mark) / 1e6;
    mark = now;
  };
  const value = body && typeof body === 'object' && !Array.isArray(body) ? body.value : undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return error(400, "The init request has no 'value' object.");
  }
  stage('parse');
  if (state.load !== null) return error(403, 'Cannot initialize the action more than once.');
  let code = typeof value.code === 'string' ? value.code : '';
  let binary = value.binary === true;
  let zipBytes = null;
  if (!code && opts.action) {
    try {
      if (opts.action.endsWith('.zip')) { zipBytes = fs.readFileSync(opts.action); binary = true; }
      else { code = fs.readFileSync(opts.action, 'utf8'); binary = false; }
    } catch (e) {
      return invalid('cannot read ' + opts.action + ': ' + e.message);
    }
  } else if (!code) {
    return invalid('no code to initialize');
  }
  const mainName = value.main || 'main';
  if (typeof mainName !== 'string' || !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(mainName)) {
    return invalid("'main' must name a function, got " + JSON.stringify(mainName));
  }
  const env = value.env || {};
  if (typeof env !== 'object' || Array.isArray(env)) return invalid("'env' is not an object");
  let load;
  let dir = opts.dir;
  if (binary) {
    if (zipBytes === null) {
      if (!/^[A-Za-z0-9+/\r\n]*={0,2}$/.test(code)) return invalid('cannot decode the zip: not base64');
      zipBytes = Buffer.from(code, 'base64');
      stage('decode');
    }
    // a fresh directory per attempt: a refused zip leaves nothing a later /init collides with
    dir = path.join(opts.dir, 'a' + ++state.attempts);
    try {
      fs.mkdirSync(opts.dir, { recursive: true });
      fs.mkdirSync(dir);
      unzip(zipBytes, dir);
    } catch (e) {
      fs.rmSync(dir, { recursive: true, force: true });
      return invalid('cannot unzip: ' + e.message);
    }
    stage('unzip');
    load = loadZip(dir, mainName);
    if (load === null) return invalid("the zip has neither a package.json 'main' nor 'index.js'");
  } else {
    load = () => loadSource(code, mainName, dir);
  }
  for (const [k, v] of Object.entries(env)) process.env[k] = typeof v === 'string' ? v : JSON.stringify(v);
  let main;
  try {
    main = load();
  } catch (e) {
    return error(502, 'cannot start action: Initialization has failed: ' + String(e && e.stack || e));
  }
  if (typeof main !== 'function') {
    return error(502, "cannot start action: Action entrypoint '" + mainName + "' is not a function.");
  }
  stage('load');
  state.load = load;
  state.main = main;
  state.dir = dir;
  const timeline = Object.entries(stages).map(([k, v]) => k + '=' + v.toFixed(3)).join(',');
  return reply(200, { ok: true }, { 'X-Jsrust-Init-Stages': timeline });
}

function recordFailure(params) {
  if (opts.failedLog) fs.appendFileSync(opts.failedLog, JSON.stringify(params) + '\n');
}

function developerError(params, message) {
  recordFailure(params);
  return error(502, message);
}

/** One activation; resolves to its reply. */
async function activate(body, params) {
  if (state.stale) {
    unloadModules(state.dir);
    try {
      state.main = state.load();
    } catch (e) {
      return developerError(params, 'The action did not produce a valid response and exited unexpectedly: ' +
        'reloading it failed: ' + String(e));
    }
    state.stale = false;
  }
  for (const key of Object.keys(body)) {
    if (key === 'value') continue;
    const v = body[key];
    process.env['__OW_' + key.toUpperCase()] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  const t0 = process.hrtime.bigint();
  let result;
  try {
    result = await new Promise((resolve, reject) => {
      state.current = { fail: reject };
      Promise.resolve().then(() => state.main(params)).then(resolve, reject);
    });
  } catch (e) {
    if (e instanceof ActionExit) {
      state.stale = true;
      return developerError(params, 'The action did not produce a valid response and exited unexpectedly: ' +
        'the action process exited (status ' + e.status + ')');
    }
    return developerError(params, 'An error has occurred: ' + String(e));
  } finally {
    state.current = null;
  }
  const us = String(Number(process.hrtime.bigint() - t0) / 1000 | 0);
  if (result === undefined) result = {};
  if (result === null || typeof result !== 'object' || Array.isArray(result)) {
    return developerError(params, 'The action did not return a dictionary.');
  }
  let text;
  try {
    text = JSON.stringify(result);
  } catch (e) {
    return developerError(params, 'An error has occurred: ' + String(e));
  }
  return { status: 200, text, headers: { 'X-Jsrust-Action-Us': us } };
}

function run(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return Promise.resolve(error(400, 'Error unmarshaling request: the body is not a JSON object'));
  }
  if (state.load === null) return Promise.resolve(error(400, 'no action defined yet'));
  const params = body.value === undefined ? {} : body.value;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    return Promise.resolve(error(400, 'The action did not receive a dictionary as an argument.'));
  }
  const answer = state.queue.then(() => activate(body, params)).then((r) => {
    // console output is synchronous on pipes and files: the activation's lines are out already
    process.stdout.write(SENTINEL + '\n');
    process.stderr.write(SENTINEL + '\n');
    return r;
  });
  state.queue = answer.catch(() => undefined);
  return answer;
}

// process.exit inside an action ends that activation (502), not the runtime
const exitRuntime = process.exit.bind(process);
process.exit = (code) => { throw new ActionExit(code); };
process.on('uncaughtException', (e) => {
  if (state.current !== null) state.current.fail(e);
  else process.stderr.write('uncaught outside an activation: ' + String(e && e.stack || e) + '\n');
  if (e instanceof ActionExit) state.stale = true;
});
process.on('unhandledRejection', (e) => {
  if (state.current !== null) state.current.fail(e);
  else process.stderr.write('unhandled rejection outside an activation: ' + String(e && e.stack || e) + '\n');
});

const utf8 = new TextDecoder('utf-8', { fatal: true });

function send(res, r) {
  const text = (r.text !== undefined ? r.text : JSON.stringify(r.body)) + '\n';
  res.writeHead(r.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text),
    ...r.headers });
  res.end(text);
}

function handle(req, res) {
  const arrived = process.hrtime.bigint();
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const received = process.hrtime.bigint();
    let body;
    try {
      const raw = utf8.decode(Buffer.concat(chunks));
      body = JSON.parse(raw === '' ? 'null' : raw);
    } catch (e) {
      send(res, error(400, 'Error unmarshaling request: ' + e.message));
      return;
    }
    if (req.method === 'POST' && req.url === '/init') send(res, init(body, arrived, received));
    else if (req.method === 'POST' && req.url === '/run') run(body).then((r) => send(res, r));
    else send(res, error(404, 'no route ' + req.method + ' ' + req.url));
  });
}

if (opts.init) {
  const now = process.hrtime.bigint();
  const r = init({ value: {} }, now, now);
  if (r.status !== 200) {
    process.stderr.write('node runtime: cannot initialize the action: ' + JSON.stringify(r.body) + '\n');
    exitRuntime(1);
  }
}
const server = http.createServer(handle);
server.keepAliveTimeout = 0;   // the invoker keeps its connection as long as it likes
server.on('clientError', (e, socket) => {
  const text = JSON.stringify({ error: 'malformed request: ' + e.message }) + '\n';
  if (socket.writable) {
    socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ' +
      Buffer.byteLength(text) + '\r\nConnection: close\r\n\r\n' + text);
  }
});
server.listen(opts.port, opts.host, () => {
  process.stderr.write('jsrust node runtime listening on http://' + opts.host + ':' + server.address().port + '\n');
});
