#![forbid(unsafe_code)]
//! The measuring client of `jsrust bench --serverless`: warm `/run` requests over kept-alive
//! HTTP/1.1 connections to a runtime on 127.0.0.1, timed here.
//!
//! Why a native client: a measuring client's own time per request lies on the path it times
//! and is the same for both runtimes, so it pulls every latency ratio towards 1.  Our Python
//! client spends ~140 µs of CPU per request (JSON, socket calls, header parsing), more than
//! half of a warm Rust activation's round trip; this one spends a few µs.
//!
//! Usage: `loadgen PORT BODIES COUNT START CONCURRENCY`.  `BODIES` holds one `/run` body per
//! line; request `i` (START ≤ i < START + COUNT) sends line `i % lines`.  With CONCURRENCY 1
//! it prints one line per request, `<latency ns> <X-Jsrust-Action-Us or -> <status>`; with
//! more, CONCURRENCY threads (one connection each) share the COUNT requests and it prints
//! `<requests> <elapsed ns>` once.  Anything unexpected (a refused connection, a closed
//! connection, a response without Content-Length) ends it with status 1 and a message.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Barrier};
use std::time::Instant;

/// One kept-alive connection and its read buffer.
struct Conn {
    out: TcpStream,
    inp: BufReader<TcpStream>,
    port: u16,
}

/// What one response said: its status and the runtime's own account of the action's time.
struct Answer {
    status: u16,
    action_us: Option<u64>,
}

impl Conn {
    fn open(port: u16) -> Result<Conn, String> {
        let sock = TcpStream::connect(("127.0.0.1", port)).map_err(|e| format!("connect to port {}: {}", port, e))?;
        // the request is one write anyway; without this, Nagle could hold a second segment
        sock.set_nodelay(true).map_err(|e| e.to_string())?;
        let inp = BufReader::with_capacity(1 << 16, sock.try_clone().map_err(|e| e.to_string())?);
        Ok(Conn { out: sock, inp, port })
    }

    /// POST one body to `/run` and read the whole response.
    fn run(&mut self, body: &[u8], scratch: &mut Vec<u8>) -> Result<Answer, String> {
        scratch.clear();
        write!(scratch, "POST /run HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\n\
                         Content-Length: {}\r\n\r\n", self.port, body.len()).map_err(|e| e.to_string())?;
        scratch.extend_from_slice(body);
        self.out.write_all(scratch).map_err(|e| format!("send: {}", e))?;
        let mut line = String::new();
        if self.inp.read_line(&mut line).map_err(|e| format!("read: {}", e))? == 0 {
            return Err("the runtime closed the connection without answering".to_string());
        }
        let status = line.split_whitespace().nth(1).and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("not an HTTP status line: {:?}", line))?;
        let (mut length, mut action_us) = (None, None);
        loop {
            line.clear();
            if self.inp.read_line(&mut line).map_err(|e| format!("read: {}", e))? == 0 {
                return Err("the connection closed inside the response headers".to_string());
            }
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                let value = value.trim();
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.parse::<usize>().ok();
                } else if name.eq_ignore_ascii_case("x-jsrust-action-us") {
                    action_us = value.parse::<u64>().ok();
                }
            }
        }
        let length = length.ok_or("a response without Content-Length")?;
        scratch.resize(length, 0);
        self.inp.read_exact(scratch).map_err(|e| format!("read body: {}", e))?;
        Ok(Answer { status, action_us })
    }
}

fn arg<T: std::str::FromStr>(args: &[String], i: usize, what: &str) -> Result<T, String> {
    args.get(i).and_then(|s| s.parse().ok()).ok_or_else(|| format!("argument {} ({}) missing or invalid", i, what))
}

fn latencies(port: u16, bodies: &[Vec<u8>], count: usize, start: usize) -> Result<(), String> {
    let mut conn = Conn::open(port)?;
    let mut scratch = Vec::new();
    let mut report = String::with_capacity(count * 24);
    for i in start..start + count {
        let t = Instant::now();
        let answer = conn.run(&bodies[i % bodies.len()], &mut scratch)?;
        let ns = t.elapsed().as_nanos();
        match answer.action_us {
            Some(us) => report.push_str(&format!("{} {} {}\n", ns, us, answer.status)),
            None => report.push_str(&format!("{} - {}\n", ns, answer.status)),
        }
    }
    std::io::stdout().write_all(report.as_bytes()).map_err(|e| e.to_string())
}

fn throughput(port: u16, bodies: Arc<Vec<Vec<u8>>>, count: usize, start: usize, clients: usize) -> Result<(), String> {
    let per_client = (count / clients).max(1);
    let barrier = Arc::new(Barrier::new(clients + 1));
    let mut workers = Vec::new();
    for k in 0..clients {
        let (bodies, barrier) = (Arc::clone(&bodies), Arc::clone(&barrier));
        // connect before the barrier: the timed part is requests only, as a warm platform sees it
        let conn = Conn::open(port);
        workers.push(std::thread::spawn(move || -> Result<(), String> {
            let mut conn = conn?;
            let mut scratch = Vec::new();
            barrier.wait();
            for i in 0..per_client {
                conn.run(&bodies[(start + k + i) % bodies.len()], &mut scratch)?;
            }
            Ok(())
        }));
    }
    barrier.wait();
    let t = Instant::now();
    for w in workers {
        w.join().map_err(|_| "a client thread panicked".to_string())??;
    }
    println!("{} {}", per_client * clients, t.elapsed().as_nanos());
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let outcome = (|| -> Result<(), String> {
        let port: u16 = arg(&args, 1, "port")?;
        let path: String = arg(&args, 2, "bodies file")?;
        let count: usize = arg(&args, 3, "count")?;
        let start: usize = arg(&args, 4, "start")?;
        let clients: usize = arg(&args, 5, "concurrency")?;
        let text = std::fs::read(&path).map_err(|e| format!("{}: {}", path, e))?;
        let bodies: Vec<Vec<u8>> = text.split(|&b| b == b'\n').filter(|l| !l.is_empty()).map(|l| l.to_vec()).collect();
        if bodies.is_empty() || clients == 0 {
            return Err(format!("{}: no bodies, or concurrency 0", path));
        }
        if clients == 1 {
            latencies(port, &bodies, count, start)
        } else {
            throughput(port, Arc::new(bodies), count, start, clients)
        }
    })();
    if let Err(message) = outcome {
        eprintln!("loadgen: {}", message);
        std::process::exit(1);
    }
}
