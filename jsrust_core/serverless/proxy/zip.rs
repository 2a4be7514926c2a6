//! Reading an action zip: its central directory, then each member stored or deflated, checked
//! against its CRC-32 and written under the action directory with its Unix mode.
//!
//! Why the central directory and not the local headers in sequence: a writer may put the sizes
//! and CRC after the data (flag bit 3) and leave them zero in the local header; the central
//! directory always has them.  ZIP64 archives and encrypted members are refused (an action zip
//! is far below 4 GB, and OpenWhisk's proxies do not decrypt).

use crate::inflate::{crc32, inflate};
use std::borrow::Cow;
use std::fs::{self, OpenOptions, Permissions};
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, Instant};

/// One member as the central directory describes it.
pub struct Member {
    pub name: String,
    method: u16,
    crc: u32,
    compressed: usize,
    size: usize,
    /// Unix permission bits from the external attributes (0 when the writer set none)
    pub mode: u32,
    local_offset: usize,
}

fn u16_at(d: &[u8], at: usize) -> Result<u16, String> {
    d.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]])).ok_or_else(truncated)
}

fn u32_at(d: &[u8], at: usize) -> Result<u32, String> {
    d.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).ok_or_else(truncated)
}

fn truncated() -> String {
    "the zip is truncated".to_string()
}

/// The members listed in the central directory of `data`.
pub fn members(data: &[u8]) -> Result<Vec<Member>, String> {
    // the end-of-central-directory record is the last 22 bytes, unless a comment (< 64 KB) follows it
    let lowest = data.len().saturating_sub(22 + 65535);
    let mut at = data.len().checked_sub(22).ok_or("not a zip file (too short)")?;
    loop {
        if u32_at(data, at)? == 0x0605_4b50 {
            break;
        }
        if at == lowest {
            return Err("not a zip file (no end of central directory)".to_string());
        }
        at -= 1;
    }
    let count = u16_at(data, at + 10)? as usize;
    let dir_offset = u32_at(data, at + 16)?;
    if count == 0xffff || dir_offset == 0xffff_ffff {
        return Err("ZIP64 archives are not supported".to_string());
    }
    let mut pos = dir_offset as usize;
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        if u32_at(data, pos)? != 0x0201_4b50 {
            return Err("bad central directory entry".to_string());
        }
        let flags = u16_at(data, pos + 8)?;
        let name_len = u16_at(data, pos + 28)? as usize;
        let extra_len = u16_at(data, pos + 30)? as usize;
        let comment_len = u16_at(data, pos + 32)? as usize;
        let raw_name = data.get(pos + 46..pos + 46 + name_len).ok_or_else(truncated)?;
        let name = String::from_utf8_lossy(raw_name).into_owned();
        if flags & 1 != 0 {
            return Err(format!("{:?} is encrypted", name));
        }
        let compressed = u32_at(data, pos + 20)?;
        let size = u32_at(data, pos + 24)?;
        let local_offset = u32_at(data, pos + 42)?;
        if compressed == 0xffff_ffff || size == 0xffff_ffff || local_offset == 0xffff_ffff {
            return Err("ZIP64 archives are not supported".to_string());
        }
        out.push(Member {
            name,
            method: u16_at(data, pos + 10)?,
            crc: u32_at(data, pos + 16)?,
            compressed: compressed as usize,
            size: size as usize,
            mode: (u32_at(data, pos + 38)? >> 16) & 0o777,
            local_offset: local_offset as usize,
        });
        pos += 46 + name_len + extra_len + comment_len;
    }
    Ok(out)
}

/// The uncompressed bytes of `m`, CRC-checked: a stored member is borrowed from `data`
/// rather than copied (an action's `exec` may be stored to spare `/init` the inflating).
pub fn read<'d>(data: &'d [u8], m: &Member) -> Result<Cow<'d, [u8]>, String> {
    let at = m.local_offset;
    if u32_at(data, at)? != 0x0403_4b50 {
        return Err(format!("bad local header for {:?}", m.name));
    }
    let start = at + 30 + u16_at(data, at + 26)? as usize + u16_at(data, at + 28)? as usize;
    let raw = data.get(start..start + m.compressed).ok_or_else(truncated)?;
    let bytes = match m.method {
        0 => Cow::Borrowed(raw),
        8 => Cow::Owned(inflate(raw, m.size).map_err(|e| format!("{:?}: {}", m.name, e))?),
        other => return Err(format!("{:?} uses compression method {}, not stored or deflated", m.name, other)),
    };
    if bytes.len() != m.size {
        return Err(format!("{:?} inflates to {} bytes, not {}", m.name, bytes.len(), m.size));
    }
    if crc32(&bytes) != m.crc {
        return Err(format!("bad CRC-32 for {:?}", m.name));
    }
    Ok(bytes)
}

/// The path under `root` for a member name, refusing names that would land outside it
/// (absolute, or with a `..` part), as OpenWhisk's Go proxy does.
fn target(root: &Path, name: &str) -> Result<PathBuf, String> {
    let rel = Path::new(name);
    let mut out = root.to_path_buf();
    for part in rel.components() {
        match part {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            _ => return Err(format!("the zip has an unsafe member name {:?}", name)),
        }
    }
    if out == root {
        return Err(format!("the zip has an unsafe member name {:?}", name));
    }
    Ok(out)
}

/// Time `extract` spent reading members (inflate and CRC) and writing them (files, modes).
#[derive(Default)]
pub struct Times {
    pub read: Duration,
    pub write: Duration,
}

/// Write every member of the zip `data` under `root`, each file with exactly its zip mode
/// (0644 when none is recorded): an exec may run other programs of its zip.
pub fn extract(data: &[u8], root: &Path) -> Result<Times, String> {
    let mut times = Times::default();
    let list = members(data)?;
    // every name is checked before anything is written: a refused zip leaves no files behind
    let targets = list.iter().map(|m| target(root, &m.name)).collect::<Result<Vec<_>, _>>()?;
    for (m, path) in list.iter().zip(targets) {
        if m.name.ends_with('/') {
            fs::create_dir_all(&path).map_err(|e| format!("{}: {}", path.display(), e))?;
            continue;
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {}", parent.display(), e))?;
        }
        let t0 = Instant::now();
        let bytes = read(data, m)?;
        let t1 = Instant::now();
        times.read += t1 - t0;
        let mode = if m.mode == 0 { 0o644 } else { m.mode };
        let mut file = OpenOptions::new().write(true).create_new(true).mode(mode).open(&path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                format!("the zip holds {:?} twice", m.name)
            } else {
                format!("{}: {}", path.display(), e)
            }
        })?;
        // exactly the zip's mode, whatever the umask
        file.set_permissions(Permissions::from_mode(mode)).map_err(|e| e.to_string())?;
        file.write_all(&bytes).map_err(|e| format!("{}: {}", path.display(), e))?;
        times.write += t1.elapsed();
    }
    Ok(times)
}
