//! ActionLoop `exec` around a whole compiled JS program (`action`, next to this exec in the zip).
//!
//! Why: the pipeline compiles whole programs today, not an in-process `js_main`.  The exported
//! program is the action plus a few lines of glue that read the params from `argv[2]` (JSON),
//! call `main` and print `JSON.stringify` of the result as its last stdout line.  This loop runs
//! that program once per activation (the activation's `__OW_*` variables are inherited), so a
//! warm container still pays a process start per request (~1 ms for a static binary) and keeps
//! no state between activations.  Exit 86 is a side exit (its report answers the activation),
//! exit 1 an uncaught JS exception.  Params travel as one argument: at most 128 KiB on Linux.
#![forbid(unsafe_code)]

mod actionloop;

use std::process::Command;

fn main() {
    let program = match std::env::current_exe() {
        Ok(p) => p.with_file_name("action"),
        Err(e) => {
            eprintln!("exec: cannot locate the compiled action: {}", e);
            std::process::exit(1);
        }
    };
    actionloop::actionloop_json(|value: &str| {
        let out = Command::new(&program)
            .arg(value)
            .output()
            .map_err(|e| format!("cannot run the compiled action: {}", e))?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let mut lines: Vec<&str> = stdout.lines().collect();
        let result = if out.status.success() { lines.pop() } else { None };
        for line in lines {
            println!("{}", line);
        }
        eprint!("{}", stderr);
        match (out.status.code(), result) {
            (Some(0), Some(result)) => Ok(result.to_string()),
            (Some(0), None) => Err("The action did not return a dictionary.".to_string()),
            (Some(86), _) => Err(stderr.trim().to_string()),
            _ => Err(format!("An error has occurred: {}", thrown_text(&stderr))),
        }
    });
}

/// The `Name: message` text of an uncaught exception report (`file`, blank line, the text,
/// blank line, `Node.js vN`), or all of stderr when it has another shape.
fn thrown_text(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().collect();
    match lines.iter().position(|l| l.is_empty()) {
        Some(blank) => lines[blank + 1..]
            .iter()
            .take_while(|l| !l.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join("\n"),
        None => stderr.trim().to_string(),
    }
}
