//! jsrust's ActionLoop proxy: the runtime of a native OpenWhisk action, as the Go proxy of the
//! Rust/Go kinds is, in std-only safe Rust so that the container's own overhead is small next to
//! the action's and a measurement shows the action.
//!
//! usage: proxy [--host H] [--port P] [--action ZIP] [--init] [--dir DIR] [--failed-log FILE]
//!              [--timeout-ms MS]
//!
//! Contract (the one `jsrust serve` implements for every kind; see docs/architecture.md):
//! * `POST /init {"value": {"code", "binary", "main", "env", ...}}`: `code` is the base64 of a
//!   zip with a top-level `exec` (or, not binary, the text of a script written as `exec`); the
//!   zip is unpacked into DIR with its modes, `exec` started over ActionLoop, and 200
//!   `{"ok":true}` answered once it acknowledged.  An empty `code` takes `--action`'s file.
//!   400: a body that is not JSON, no `value` object, a bad `env`, base64 or zip, no `exec`;
//!   403: a second `/init`; 502: the exec did not start (its stderr tail is in the message).
//! * `POST /run {"value": {...}, "activation_id", ...}`: the body goes as one line to the
//!   exec's stdin; its one line on fd 3 is the answer: 200 with the object, or 502 when it
//!   carries the developer-error marker (a throw, a side exit) or the exec dies or answers
//!   something that is not a JSON object.  400: a body that is not a JSON object, `value` not an
//!   object, `/run` before `/init`.  A dead exec is started afresh on the next `/run`.  An
//!   exec that has not answered within the time limit (`--timeout-ms`, default 60 s, the
//!   default limit of an OpenWhisk action) is killed and the activation answered 502.
//! * Logs: the exec's stdout and stderr are the proxy's; each activation ends with the sentinel
//!   line on both.  The params of a 502 activation are appended to `--failed-log`.
//! * The first stderr line, `jsrust action proxy listening on http://H:P`, says it is ready.
//!
//! Stage times of `/init` (ms) are in its `X-Jsrust-Init-Stages` header; the time a `/run`
//! spent waiting for the exec (µs) in `X-Jsrust-Action-Us`.
#![forbid(unsafe_code)]

mod http;
mod inflate;
mod json;
mod zip;

use std::collections::VecDeque;
use std::fs::{self, OpenOptions, Permissions};
use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use http::{Next, Request, Response};

const SENTINEL: &str = "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX";
/// Marker key an exec adds to a developer error's answer (HTTP 502); removed before answering.
const DEVELOPER_ERROR_KEY: &str = "__ow_developer_error";
/// stderr lines of the exec kept for the message of a failed start or a death
const TAIL_LINES: usize = 200;

/// Starts the exec with its ActionLoop result channel at fd 3.  Safe std Rust cannot place a
/// pipe at a chosen descriptor in a child (that needs `pre_exec` + `dup2`, both unsafe), so a
/// shell does it: the result pipe is the shell's stdout, `3>&1` moves it to fd 3 and `1>>"$1"`
/// gives the exec the proxy's own stdout (reopened through /proc; `>>` so a log file is appended
/// to, never truncated), then `exec` replaces the shell.  Costs one shell start per exec start.
/// The proxy's stdout must therefore be a pipe, terminal or file (a socket cannot be reopened
/// through /proc); a container runtime gives it a pipe.  The shell also enters the action's
/// directory (`$2`): a `Command::current_dir` would make std fork the proxy, copying its page
/// tables, where without it std uses posix_spawn (a vfork), measurably quicker at `/init`.
const TRAMPOLINE: &str = "cd \"$2\" && exec \"$0\" 3>&1 1>>\"$1\"";

/// How long a read of the exec's answer polls before it sleeps (see `Exec::read_until_newline`).
const SPIN: Duration = Duration::from_micros(200);

/// Default `--timeout-ms`: OpenWhisk's default time limit of an action.
const DEFAULT_TIMEOUT_MS: u64 = 60_000;

struct Options {
    timeout: Duration,
    host: String,
    port: u16,
    action: Option<PathBuf>,
    init: bool,
    dir: Option<PathBuf>,
    failed_log: Option<PathBuf>,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options { timeout: Duration::from_millis(DEFAULT_TIMEOUT_MS), host: "127.0.0.1".into(), port: 8080, action: None, init: false, dir: None, failed_log: None };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{} needs a value", a));
        match a.as_str() {
            "--host" => o.host = value()?,
            "--port" => o.port = value()?.parse().map_err(|_| "--port needs a number".to_string())?,
            "--action" => o.action = Some(PathBuf::from(value()?)),
            "--dir" => o.dir = Some(PathBuf::from(value()?)),
            "--failed-log" => o.failed_log = Some(PathBuf::from(value()?)),
            "--init" => o.init = true,
            "--timeout-ms" => {
                o.timeout = Duration::from_millis(value()?.parse().map_err(|_| "--timeout-ms needs a number".to_string())?)
            }
            _ => return Err(format!("unknown argument {:?}", a)),
        }
    }
    Ok(o)
}

/// Kills an exec that has not answered an activation by its deadline: an endless loop would
/// otherwise hold the container (and every later request) for good, where OpenWhisk's invoker
/// would end the activation at its time limit.  One thread checks a shared deadline every 20 ms,
/// so arming and disarming per activation is a lock and a store; safe std Rust has no `kill(2)`,
/// so the rare kill goes through the shell's `kill`.
#[derive(Clone)]
struct Watchdog {
    armed: Arc<Mutex<Option<(u32, Instant)>>>,
    fired: Arc<AtomicBool>,
    limit: Duration,
}

impl Watchdog {
    fn start(limit: Duration) -> Watchdog {
        let w = Watchdog { armed: Arc::new(Mutex::new(None)), fired: Arc::new(AtomicBool::new(false)), limit };
        let dog = w.clone();
        thread::spawn(move || loop {
            thread::sleep(Duration::from_millis(20));
            let mut armed = dog.armed.lock().unwrap_or_else(|p| p.into_inner());
            if let Some((pid, deadline)) = *armed {
                if Instant::now() >= deadline {
                    let _ = Command::new("/bin/sh").arg("-c").arg(format!("kill -9 {}", pid)).status();
                    dog.fired.store(true, Ordering::SeqCst);
                    *armed = None;
                }
            }
        });
        w
    }

    fn arm(&self, pid: u32) {
        self.fired.store(false, Ordering::SeqCst);
        *self.armed.lock().unwrap_or_else(|p| p.into_inner()) = Some((pid, Instant::now() + self.limit));
    }

    /// Stop watching; whether the exec was killed for running out of time.
    fn disarm(&self) -> bool {
        *self.armed.lock().unwrap_or_else(|p| p.into_inner()) = None;
        self.fired.swap(false, Ordering::SeqCst)
    }
}

/// The running exec and its pipes.
struct Exec {
    child: Child,
    stdin: Option<ChildStdin>,
    results: BufReader<ChildStdout>,
    /// a second handle on the fd-3 pipe's read end, used only to switch it between blocking and
    /// non-blocking (the flag belongs to the pipe end, which `results` shares)
    results_mode: Option<UnixStream>,
    /// whether the last answer came within SPIN: an action that takes longer is read blocking
    /// straight away, so its activations do not each pay SPIN of polling for nothing
    answers_quickly: bool,
    /// a second write end of the exec's stderr pipe: the proxy writes the stderr sentinel into
    /// it, so the sentinel follows the activation's stderr lines through the same pipe
    inject: Option<io::PipeWriter>,
    /// signalled when the stderr forwarder reached the end of the pipe
    stderr_done: Receiver<()>,
    tail: Arc<Mutex<VecDeque<String>>>,
}

/// Why an exec failed: the message and the tail of its stderr.
struct ExecFailure {
    message: String,
    tail: String,
}

impl ExecFailure {
    fn text(&self) -> String {
        if self.tail.is_empty() {
            self.message.clone()
        } else {
            format!("{}\n{}", self.message, self.tail)
        }
    }
}

fn exit_text(status: ExitStatus) -> String {
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("status {}", code),
        (None, Some(sig)) => format!("status -{}", sig),
        _ => "unknown status".to_string(),
    }
}

impl Exec {
    /// Start the exec and wait for its ack, timing the two as the `spawn` and `ack` stages.
    fn start(dir: &Path, env: &[(String, String)], stages: &mut Stages) -> Result<Exec, ExecFailure> {
        let fail = |message: String| ExecFailure { message, tail: String::new() };
        let (err_r, err_w) = io::pipe().map_err(|e| fail(format!("cannot create a pipe: {}", e)))?;
        let inject = err_w.try_clone().map_err(|e| fail(format!("cannot create a pipe: {}", e)))?;
        let mut child = {
            // the Command owns the child's end of the stderr pipe: it must be gone once the child
            // runs, or the pipe never reports the child's end
            let mut cmd = Command::new("/bin/sh");
            cmd.arg("-c")
                .arg(TRAMPOLINE)
                .arg(dir.join("exec"))
                .arg(format!("/proc/{}/fd/1", std::process::id()))
                .arg(dir)
                .env_clear()
                .envs(env.iter().map(|(k, v)| (k, v)))
                .env("__OW_WAIT_FOR_ACK", "true")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::from(err_w));
            cmd.spawn().map_err(|e| fail(format!("cannot start {}: {}", dir.join("exec").display(), e)))?
        };
        stages.lap("spawn");
        let tail = Arc::new(Mutex::new(VecDeque::new()));
        let (done_tx, stderr_done) = mpsc::channel();
        let tail_w = Arc::clone(&tail);
        thread::spawn(move || {
            forward_stderr(err_r, &tail_w);
            let _ = done_tx.send(());
        });
        let stdin = child.stdin.take();
        let out = child.stdout.take().expect("piped stdout");
        let results_mode = out.as_fd().try_clone_to_owned().ok().map(UnixStream::from);
        let results = BufReader::new(out);
        let mut exec = Exec { child, stdin, results, results_mode, answers_quickly: false, inject: Some(inject), stderr_done, tail };
        let ack = exec.read_line(); // blocking: start-up takes milliseconds, no use polling
        exec.answers_quickly = true;
        stages.lap("ack");
        match ack {
            Ok(line) if is_ack(&line) => Ok(exec),
            Ok(line) => {
                let shown: String = line.chars().take(200).collect();
                Err(exec.stop(&format!("expected the ack {{\"ok\":true}} on fd 3, got {:?}", shown)))
            }
            Err(e) => Err(exec.stop(&e)),
        }
    }

    /// The next line on fd 3, without its newline.
    fn read_line(&mut self) -> Result<String, String> {
        let mut buf = Vec::new();
        match self.read_until_newline(&mut buf) {
            Ok(0) => Err("the action process exited".to_string()),
            Ok(_) if buf.last() == Some(&b'\n') => {
                buf.pop();
                String::from_utf8(buf).map_err(|_| "the action answered a line that is not UTF-8".to_string())
            }
            Ok(_) => Err("the action process exited in the middle of its answer".to_string()),
            Err(e) => Err(format!("cannot read fd 3: {}", e)),
        }
    }

    /// Read fd 3 up to a newline, polling without sleeping for up to SPIN first: most actions
    /// answer within tens of microseconds, less than it costs the kernel to wake a sleeping
    /// reader on another CPU of a virtual machine (~25 µs here), so a short poll takes that
    /// wake-up off every warm activation.  An answer that did not come within SPIN is read
    /// blocking, and the next activation then goes straight to a blocking read.
    fn read_until_newline(&mut self, buf: &mut Vec<u8>) -> io::Result<usize> {
        let polling = if self.answers_quickly { self.results_mode.as_ref() } else { None };
        let start = Instant::now();
        if let Some(mode) = polling.filter(|m| m.set_nonblocking(true).is_ok()) {
            loop {
                match self.results.read_until(b'\n', buf) {
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock && start.elapsed() < SPIN => std::hint::spin_loop(),
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                    done => {
                        let _ = mode.set_nonblocking(false);
                        return done.map(|_| buf.len());
                    }
                }
            }
            mode.set_nonblocking(false)?;
        }
        let done = self.results.read_until(b'\n', buf).map(|_| buf.len());
        self.answers_quickly = start.elapsed() < SPIN;
        done
    }

    fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// One activation: `line` (newline-terminated) in, the fd-3 answer out, within the
    /// watchdog's time limit.
    fn activate(&mut self, line: &[u8], watchdog: &Watchdog) -> Result<String, String> {
        let stdin = self.stdin.as_mut().ok_or("the action process is not running")?;
        stdin.write_all(line).map_err(|_| "the action process closed its stdin".to_string())?;
        watchdog.arm(self.child.id());
        let answer = self.read_line();
        if watchdog.disarm() {
            return Err(format!("the action did not answer within {} ms and was stopped", watchdog.limit.as_millis()));
        }
        answer
    }

    /// The end-of-activation sentinel on both log streams, after the activation's own lines.
    fn sentinel(&mut self) {
        if let Some(w) = self.inject.as_mut() {
            let _ = w.write_all(format!("{}\n", SENTINEL).as_bytes());
        }
        stdout_line(SENTINEL);
    }

    /// Stop the exec (close its stdin, kill it if it lingers) and describe why with `message`,
    /// its exit status and the tail of its stderr.
    fn stop(&mut self, message: &str) -> ExecFailure {
        self.stdin = None;
        self.inject = None;
        let deadline = Instant::now() + Duration::from_secs(1);
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(s)) => break Some(s),
                Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(2)),
                _ => {
                    let _ = self.child.kill();
                    break self.child.wait().ok();
                }
            }
        };
        // the stderr pipe ends when the exec (and anything it started) has closed it
        let _ = self.stderr_done.recv_timeout(Duration::from_secs(1));
        let tail: Vec<String> = self.tail.lock().map(|t| t.iter().cloned().collect()).unwrap_or_default();
        let message = match status {
            Some(s) => format!("{} ({})", message, exit_text(s)),
            None => message.to_string(),
        };
        ExecFailure { message, tail: tail.join("\n") }
    }
}

fn is_ack(line: &str) -> bool {
    match json::top_members(line) {
        Ok(Some(m)) => m.len() == 1 && m[0].key == "ok" && &line[m[0].start..m[0].end] == "true",
        _ => false,
    }
}

/// Copy the exec's stderr to the proxy's, line by line, keeping the last lines for messages.
fn forward_stderr(pipe: io::PipeReader, tail: &Mutex<VecDeque<String>>) {
    let mut r = BufReader::new(pipe);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match r.read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let _ = io::stderr().lock().write_all(&buf);
        let text = String::from_utf8_lossy(&buf);
        let text = text.trim_end_matches('\n');
        if text != SENTINEL {
            if let Ok(mut t) = tail.lock() {
                if t.len() == TAIL_LINES {
                    t.pop_front();
                }
                t.push_back(text.to_string());
            }
        }
    }
}

fn stdout_line(line: &str) {
    let out = io::stdout();
    let mut h = out.lock();
    let _ = h.write_all(format!("{}\n", line).as_bytes());
    let _ = h.flush();
}

/// The container: one action, initialised once.
struct State {
    /// (directory, init env) once `/init` succeeded
    action: Option<(PathBuf, Vec<(String, String)>)>,
    exec: Option<Exec>,
    /// the action directories are made under it, a fresh one per `/init` attempt (a refused zip
    /// leaves nothing behind that a later `/init` would collide with)
    root: PathBuf,
    attempts: u32,
    default_action: Option<PathBuf>,
    failed_log: Option<PathBuf>,
    watchdog: Watchdog,
    /// an activation was answered and its logs still await their sentinel (`end_activation`)
    activation_open: bool,
}

fn error(status: u16, message: &str) -> Response {
    Response::json(status, json::error_object(message))
}

fn parse_body(raw: &[u8]) -> Result<(&str, Option<Vec<json::Member>>), Response> {
    let bad = |e: String| error(400, &format!("Error unmarshaling request: {}", e));
    let text = std::str::from_utf8(raw).map_err(|e| bad(e.to_string()))?;
    let members = json::top_members(if text.is_empty() { "null" } else { text }).map_err(bad)?;
    Ok((text, members))
}

/// Stage times of one `/init`, for its `X-Jsrust-Init-Stages` header (ms, in order).
struct Stages {
    list: Vec<(&'static str, f64)>,
    mark: Instant,
}

impl Stages {
    fn new() -> Stages {
        Stages { list: Vec::new(), mark: Instant::now() }
    }

    fn add(&mut self, name: &'static str, took: Duration) {
        self.list.push((name, took.as_secs_f64() * 1000.0));
    }

    /// Record the time since the previous stage ended as `name`.
    fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.add(name, now - self.mark);
        self.mark = now;
    }

    fn header(&self) -> String {
        let items: Vec<String> = self.list.iter().map(|(k, v)| format!("{}={:.3}", k, v)).collect();
        format!("X-Jsrust-Init-Stages: {}", items.join(","))
    }
}

/// What an `/init` body asks for, as spans of the body where that spares a copy.
struct InitRequest {
    env: Vec<(String, String)>,
    code: Code,
    binary: bool,
}

/// The `code` of an `/init`.
enum Code {
    Absent,
    /// the content of the string literal at this byte range of the body: it has no escapes,
    /// so it is the text itself (a zip's base64 always is, unless a writer escaped its '/')
    Span(std::ops::Range<usize>),
    /// the decoded text of a literal with escapes
    Text(String),
}

fn parse_init(raw: &[u8]) -> Result<InitRequest, Response> {
    let bad = |e: String| error(400, &format!("Error unmarshaling request: {}", e));
    let text = std::str::from_utf8(raw).map_err(|e| bad(e.to_string()))?;
    let found = json::members_and_nested(if text.is_empty() { "null" } else { text }, "value").map_err(bad)?;
    let Some((_, Some(vm))) = found else {
        return Err(error(400, "The init request has no 'value' object."));
    };
    // the value's members, like the top level's, are ranges of the whole body `text`
    let env = match json::get(text, &vm, "env") {
        None | Some("null") => Vec::new(),
        Some(raw_env) => match json::object_members(raw_env) {
            Some(list) => list
                .iter()
                .map(|m| {
                    let v = &raw_env[m.start..m.end];
                    (m.key.clone(), json::as_string(v).unwrap_or_else(|| v.to_string()))
                })
                .collect(),
            None => return Err(invalid_action("'env' is not an object")),
        },
    };
    let code = match json::member(&vm, "code") {
        // a validated value that starts with a quote is a whole string literal
        Some(m) if text[m.start..].starts_with('"') => {
            let literal = &text[m.start..m.end];
            if literal.contains('\\') {
                Code::Text(json::as_string(literal).unwrap_or_default())
            } else {
                Code::Span(m.start + 1..m.end - 1)
            }
        }
        _ => Code::Absent,
    };
    let binary = json::get(text, &vm, "binary") == Some("true");
    Ok(InitRequest { env, code, binary })
}

fn invalid_action(message: &str) -> Response {
    error(400, &format!("invalid action: {}", message))
}

impl State {
    /// `/init` with the request's body, which it decodes in place; `read` is the time the
    /// request took to arrive.
    fn init(&mut self, mut raw: Vec<u8>, read: Duration) -> Response {
        let mut stages = Stages::new();
        stages.add("read", read);
        let request = match parse_init(&raw) {
            Ok(r) => r,
            Err(resp) => return resp,
        };
        stages.lap("parse");
        if self.action.is_some() {
            return error(403, "Cannot initialize the action more than once.");
        }
        let mut text: Vec<u8>;
        let code: &mut [u8] = match request.code {
            Code::Span(range) => &mut raw[range],
            Code::Text(s) => {
                text = s.into_bytes();
                &mut text
            }
            Code::Absent => &mut [],
        };
        let file: Vec<u8>;
        let (bytes, is_zip): (&[u8], bool) = if code.is_empty() {
            let Some(p) = &self.default_action else { return invalid_action("no code to initialize") };
            file = match fs::read(p) {
                Ok(b) => b,
                Err(e) => return invalid_action(&format!("cannot read {}: {}", p.display(), e)),
            };
            (&file, file.starts_with(b"PK\x03\x04") || file.starts_with(b"PK\x05\x06"))
        } else if request.binary {
            let decoded = json::base64_decode_in_place(code);
            stages.lap("decode");
            match decoded {
                Ok(n) => (&code[..n], true),
                Err(e) => return invalid_action(&format!("cannot decode the zip: {}", e)),
            }
        } else {
            (code, false)
        };
        self.attempts += 1;
        let dir = self.root.join(format!("a{}", self.attempts));
        match unpack(&dir, bytes, is_zip) {
            Ok(times) => {
                stages.add("inflate", times.read);
                stages.add("write", stages.mark.elapsed().saturating_sub(times.read));
                stages.mark = Instant::now();
            }
            Err(e) => {
                let _ = fs::remove_dir_all(&dir);
                return invalid_action(&e);
            }
        }
        match Exec::start(&dir, &request.env, &mut stages) {
            Ok(exec) => self.exec = Some(exec),
            Err(f) => {
                let _ = fs::remove_dir_all(&dir);
                return error(502, &format!("cannot start action: {}", f.text()));
            }
        }
        self.action = Some((dir, request.env));
        let mut r = Response::json(200, "{\"ok\":true}".to_string());
        r.headers.push(stages.header());
        r
    }

    /// The exec did not start or died mid-activation: forget it (the next `/run` starts a new
    /// one), log the request as failed, close the activation's logs and answer 502.
    fn exec_failed(&mut self, params: &str, f: ExecFailure) -> Response {
        self.exec = None;
        self.record_failure(params);
        self.activation_open = true;
        error(502, &format!("The action did not produce a valid response and exited unexpectedly: {}", f.text()))
    }

    fn run(&mut self, raw: &[u8]) -> Response {
        let (text, members) = match parse_body(raw) {
            Ok(b) => b,
            Err(r) => return r,
        };
        let Some(members) = members else {
            return error(400, "Error unmarshaling request: the body is not a JSON object");
        };
        let Some((dir, env)) = self.action.clone() else {
            return error(400, "no action defined yet");
        };
        let params = json::get(text, &members, "value").unwrap_or("{}");
        if json::object_members(params).is_none() {
            return error(400, "The action did not receive a dictionary as an argument.");
        }
        let started = self.exec.as_mut().map(|e| e.alive()).unwrap_or(false);
        if !started {
            match Exec::start(&dir, &env, &mut Stages::new()) {
                Ok(exec) => self.exec = Some(exec),
                Err(f) => return self.exec_failed(params, f),
            }
        }
        let exec = self.exec.as_mut().expect("started above");
        // JSON holds raw newlines only as whitespace, so spaces keep its meaning on one line
        let mut line: Vec<u8> = raw.iter().map(|&b| if b == b'\n' || b == b'\r' { b' ' } else { b }).collect();
        line.push(b'\n');
        let t0 = Instant::now();
        let outcome = exec.activate(&line, &self.watchdog);
        let waited = t0.elapsed();
        let answer = match outcome {
            Ok(a) => a,
            Err(e) => {
                let f = exec.stop(&e);
                return self.exec_failed(params, f);
            }
        };
        self.activation_open = true;
        let mut resp = match json::top_members(&answer) {
            Ok(Some(am)) => {
                if am.iter().any(|m| m.key == DEVELOPER_ERROR_KEY) {
                    self.record_failure(params);
                    let kept: Vec<String> = am
                        .iter()
                        .filter(|m| m.key != DEVELOPER_ERROR_KEY)
                        .map(|m| format!("{}:{}", json::quote(&m.key), &answer[m.start..m.end]))
                        .collect();
                    Response::json(502, format!("{{{}}}", kept.join(",")))
                } else {
                    Response::json(200, answer)
                }
            }
            _ => {
                self.record_failure(params);
                let shown: String = answer.chars().take(200).collect();
                error(502, &format!("The action did not produce a valid response: it answered {:?}, \
                                     not a JSON object", shown))
            }
        };
        resp.headers.push(format!("X-Jsrust-Action-Us: {}", waited.as_micros()));
        resp
    }

    /// Close the logs of the activation just answered with the sentinel on both streams.  It
    /// runs after the answer is sent, still under the state's lock (so no later activation's
    /// lines come first): the invoker collects an activation's logs after its answer anyway,
    /// and the answer need not wait for two more writes and the wakeups they cause.
    fn end_activation(&mut self) {
        if !std::mem::take(&mut self.activation_open) {
            return;
        }
        match self.exec.as_mut() {
            Some(exec) => exec.sentinel(),
            None => {
                stdout_line(SENTINEL);
                eprintln!("{}", SENTINEL);
            }
        }
    }

    /// Keep the params of a failed activation: for a compiled action they are the inputs a
    /// retrace needs (`jsrust openwhisk --regrow`).
    fn record_failure(&self, params: &str) {
        let Some(path) = &self.failed_log else { return };
        let line: String = params.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
        let written = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .and_then(|mut f| f.write_all(format!("{}\n", line).as_bytes()));
        if let Err(e) = written {
            eprintln!("proxy: cannot append to {}: {}", path.display(), e);
        }
    }
}

/// Write the action's files into a new directory `dir`: the zip's members, or a script as `exec`.
/// Returns the time spent reading (inflating) and writing the members of a zip.
fn unpack(dir: &Path, bytes: &[u8], is_zip: bool) -> Result<zip::Times, String> {
    if let Some(parent) = dir.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {}", parent.display(), e))?;
    }
    fs::create_dir(dir).map_err(|e| format!("{}: {}", dir.display(), e))?;
    let exec = dir.join("exec");
    let times = if is_zip {
        zip::extract(bytes, dir).map_err(|e| format!("cannot unzip: {}", e))?
    } else {
        fs::write(&exec, bytes).map_err(|e| format!("{}: {}", exec.display(), e))?;
        fs::set_permissions(&exec, Permissions::from_mode(0o755)).map_err(|e| e.to_string())?;
        zip::Times::default()
    };
    let meta = fs::metadata(&exec).map_err(|_| "the zip has no top-level 'exec'".to_string())?;
    if !meta.is_file() {
        return Err("the zip has no top-level 'exec'".to_string());
    }
    fs::set_permissions(&exec, Permissions::from_mode(meta.permissions().mode() | 0o100))
        .map_err(|e| e.to_string())?;
    Ok(times)
}

fn serve_connection(stream: TcpStream, state: &Mutex<State>) {
    let _ = stream.set_nodelay(true);
    let Ok(mut writer) = stream.try_clone() else { return };
    let mut reader = BufReader::new(stream);
    loop {
        let (resp, close) = match http::read_request(&mut reader) {
            Next::Closed => return,
            Next::Bad(message) => (error(400, &message), true),
            Next::Request(Request { method, path, body, close, took }) => {
                let resp = match (method.as_str(), path.as_str()) {
                    ("POST", "/init") => lock(state).init(body, took),
                    ("POST", "/run") => {
                        let mut st = lock(state);
                        let resp = st.run(&body);
                        let sent = http::write_response(&mut writer, &resp, close);
                        st.end_activation();
                        if sent.is_err() || close {
                            return;
                        }
                        continue;
                    }
                    _ => error(404, &format!("no route {} {}", method, path)),
                };
                (resp, close)
            }
        };
        if http::write_response(&mut writer, &resp, close).is_err() || close {
            return;
        }
    }
}

/// The state, even if a thread panicked while holding it (the server stays up on every error).
fn lock(state: &Mutex<State>) -> std::sync::MutexGuard<'_, State> {
    state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn main() {
    let opts = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("proxy: {}", e);
            std::process::exit(2);
        }
    };
    let listener = match TcpListener::bind((opts.host.as_str(), opts.port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("proxy: cannot listen on {}:{}: {}", opts.host, opts.port, e);
            std::process::exit(1);
        }
    };
    let root = opts.dir.clone().unwrap_or_else(|| std::env::temp_dir().join(format!("jsrust-action-{}", std::process::id())));
    let state = Arc::new(Mutex::new(State {
        action: None,
        exec: None,
        root,
        attempts: 0,
        default_action: opts.action.clone(),
        failed_log: opts.failed_log.clone(),
        watchdog: Watchdog::start(opts.timeout),
        activation_open: false,
    }));
    if opts.init {
        let resp = lock(&state).init(b"{\"value\":{}}".to_vec(), Duration::ZERO);
        if resp.status != 200 {
            eprintln!("proxy: cannot initialize the action: {}", resp.body);
            std::process::exit(1);
        }
    }
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(opts.port);
    eprintln!("jsrust action proxy listening on http://{}:{}", opts.host, port);
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let state = Arc::clone(&state);
        thread::spawn(move || serve_connection(stream, &state));
    }
}
