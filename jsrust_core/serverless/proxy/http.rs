//! The HTTP/1.1 the invoker speaks to an action container: requests with a `Content-Length`
//! body on kept-alive connections, JSON answers.  `Expect: 100-continue` (curl sends it for
//! large bodies) is honoured; a chunked body is refused with 400, as is a malformed head, and
//! that connection is then closed.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Bounds on one request head: a container faces only its invoker, but a stray client must not
/// make it read forever.
const MAX_LINE: usize = 65536;
const MAX_HEADERS: usize = 100;
/// OpenWhisk limits an action to 48 MB, i.e. 64 MB of base64: a larger body is refused before
/// anything is allocated for it.
const MAX_BODY: usize = 80 << 20;

pub struct Request {
    pub method: String,
    pub path: String,
    pub body: Vec<u8>,
    /// the client asked to close the connection after this answer
    pub close: bool,
    /// from the request line's arrival to the end of the body
    pub took: Duration,
}

pub struct Response {
    pub status: u16,
    pub body: String,
    /// extra header lines, each `Name: value`
    pub headers: Vec<String>,
}

impl Response {
    pub fn json(status: u16, body: String) -> Response {
        Response { status, body, headers: Vec::new() }
    }
}

pub enum Next {
    Request(Request),
    /// a malformed request: answer 400 with this message, then close
    Bad(String),
    /// the client closed the connection (or it failed)
    Closed,
}

/// One line, at most MAX_LINE bytes, without its line ending; None at the end of the stream.
fn line(r: &mut BufReader<TcpStream>) -> Result<Option<Vec<u8>>, String> {
    let mut buf = Vec::new();
    let n = r.by_ref().take(MAX_LINE as u64 + 1).read_until(b'\n', &mut buf).map_err(|e| e.to_string())?;
    if n == 0 {
        return Ok(None);
    }
    if n > MAX_LINE {
        return Err("line too long".to_string());
    }
    while matches!(buf.last(), Some(b'\n' | b'\r')) {
        buf.pop();
    }
    Ok(Some(buf))
}

/// Read the next request of a connection.
pub fn read_request(r: &mut BufReader<TcpStream>) -> Next {
    let first = loop {
        match line(r) {
            Ok(Some(l)) if l.is_empty() => continue, // RFC 9112: ignore empty lines before a request
            Ok(Some(l)) => break l,
            Ok(None) | Err(_) => return Next::Closed,
        }
    };
    let arrived = Instant::now();
    let text = String::from_utf8_lossy(&first).into_owned();
    let parts: Vec<&str> = text.split_whitespace().collect();
    if parts.len() != 3 || !parts[2].starts_with("HTTP/") {
        let shown: String = text.chars().take(80).collect();
        return Next::Bad(format!("bad request line {:?}", shown));
    }
    let (mut length, mut chunked, mut expect, mut connection) = (0usize, false, false, String::new());
    let mut count = 0;
    loop {
        let h = match line(r) {
            Ok(Some(h)) => h,
            Ok(None) => return Next::Closed,
            Err(e) => return Next::Bad(e),
        };
        if h.is_empty() {
            break;
        }
        count += 1;
        if count > MAX_HEADERS {
            return Next::Bad("too many headers".to_string());
        }
        let h = String::from_utf8_lossy(&h).into_owned();
        let Some((name, value)) = h.split_once(':') else {
            let shown: String = h.chars().take(80).collect();
            return Next::Bad(format!("bad header line {:?}", shown));
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-length" => match value.parse::<usize>() {
                Ok(n) => length = n,
                Err(_) => return Next::Bad("bad Content-Length".to_string()),
            },
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            "expect" => expect = value.eq_ignore_ascii_case("100-continue"),
            "connection" => connection = value.to_ascii_lowercase(),
            _ => {}
        }
    }
    if length > MAX_BODY {
        return Next::Bad(format!("a body of {} bytes is more than an action may send", length));
    }
    if chunked {
        return Next::Bad("chunked request bodies are not supported; send Content-Length".to_string());
    }
    if length > 0 && expect && r.get_mut().write_all(b"HTTP/1.1 100 Continue\r\n\r\n").is_err() {
        return Next::Closed;
    }
    let mut body = vec![0u8; length];
    if r.read_exact(&mut body).is_err() {
        return Next::Closed;
    }
    let close = connection == "close" || (parts[2] == "HTTP/1.0" && connection != "keep-alive");
    Next::Request(Request { method: parts[0].to_string(), path: parts[1].to_string(), body, close, took: arrived.elapsed() })
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        502 => "Bad Gateway",
        _ => "",
    }
}

/// Send `resp` in one write (a reply split across writes meets delayed ACKs: +40 ms).
pub fn write_response(stream: &mut TcpStream, resp: &Response, close: bool) -> std::io::Result<()> {
    let mut out = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
        resp.status,
        reason(resp.status),
        resp.body.len() + 1
    );
    for h in &resp.headers {
        out.push_str(h);
        out.push_str("\r\n");
    }
    if close {
        out.push_str("Connection: close\r\n");
    }
    out.push_str("\r\n");
    out.push_str(&resp.body);
    out.push('\n');
    stream.write_all(out.as_bytes())
}
