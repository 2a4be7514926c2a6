//! DEFLATE decompression (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks.
//!
//! Written for the proxy's `/init`, whose cost is mostly inflating the action's `exec` (~1.5 MB),
//! so the hot loop decodes a literal/length or distance symbol with one table lookup on the next
//! `FAST_BITS` input bits; the few longer codes fall back to a canonical bit-by-bit walk.

/// Bits resolved by one lookup in a code's fast table (codes are at most 15 bits long).
const FAST_BITS: u32 = 12;
const MAX_BITS: usize = 15;

/// Base lengths and extra bits of length symbols 257..=285 (RFC 1951 §3.2.5).
const LENGTH_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163,
    195, 227, 258,
];
const LENGTH_EXTRA: [u8; 29] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
/// Base distances and extra bits of distance symbols 0..=29.
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
    4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/// The order in which a dynamic block sends its code-length code lengths.
const CLEN_ORDER: [usize; 19] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/// LSB-first bit reader over the compressed bytes.  Bits past the end read as zero so the
/// fast-table peek never fails; `overrun` notices a stream that really used them.
struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    buf: u64,
    count: u32,
}

impl<'a> Bits<'a> {
    fn new(data: &'a [u8]) -> Self {
        Bits { data, pos: 0, buf: 0, count: 0 }
    }

    fn refill(&mut self) {
        if self.pos + 8 <= self.data.len() {
            // whole bytes that fit beside the bits still held, in one load
            let mut word = [0u8; 8];
            word.copy_from_slice(&self.data[self.pos..self.pos + 8]);
            let take = (63 - self.count) / 8;
            let fresh = u64::from_le_bytes(word) & ((1u64 << (take * 8)) - 1);
            self.buf |= fresh << self.count;
            self.pos += take as usize;
            self.count += take * 8;
            return;
        }
        while self.count <= 56 {
            let byte = if self.pos < self.data.len() { self.data[self.pos] } else { 0 };
            self.pos += 1;
            self.buf |= (byte as u64) << self.count;
            self.count += 8;
        }
    }

    #[inline(always)]
    fn peek(&mut self, n: u32) -> u32 {
        if self.count < n {
            self.refill();
        }
        (self.buf & ((1u64 << n) - 1)) as u32
    }

    #[inline(always)]
    fn consume(&mut self, n: u32) {
        self.buf >>= n;
        self.count -= n;
    }

    #[inline(always)]
    fn take(&mut self, n: u32) -> u32 {
        if n == 0 {
            return 0;
        }
        let v = self.peek(n);
        self.consume(n);
        v
    }

    /// Drop the bits left in the current byte (stored blocks start on a byte boundary).
    fn align(&mut self) {
        let drop = self.count % 8;
        self.consume(drop);
    }

    /// Bytes of input consumed so far, counting whole bytes still held in the buffer as unread.
    fn consumed_bytes(&self) -> usize {
        self.pos - (self.count / 8) as usize
    }

    fn overrun(&self) -> bool {
        self.consumed_bytes() > self.data.len()
    }
}

/// A canonical Huffman code: a fast table for codes up to FAST_BITS long, and the per-length
/// counts and length-sorted symbols the slow path walks.
struct Huffman {
    /// entry = symbol << 4 | length; 0 = no code this short starts with these bits
    fast: Vec<u16>,
    counts: [u16; MAX_BITS + 1],
    symbols: Vec<u16>,
}

impl Huffman {
    fn new(lengths: &[u8]) -> Result<Huffman, String> {
        let mut counts = [0u16; MAX_BITS + 1];
        for &l in lengths {
            counts[l as usize] += 1;
        }
        counts[0] = 0;
        // an over-subscribed set of lengths describes no prefix code
        let mut left: i32 = 1;
        for len in 1..=MAX_BITS {
            left = (left << 1) - counts[len] as i32;
            if left < 0 {
                return Err("over-subscribed Huffman code lengths".to_string());
            }
        }
        let mut offsets = [0u16; MAX_BITS + 2];
        for len in 1..=MAX_BITS {
            offsets[len + 1] = offsets[len] + counts[len];
        }
        let mut symbols = vec![0u16; offsets[MAX_BITS + 1] as usize];
        for (sym, &l) in lengths.iter().enumerate() {
            if l != 0 {
                symbols[offsets[l as usize] as usize] = sym as u16;
                offsets[l as usize] += 1;
            }
        }
        let mut fast = vec![0u16; 1 << FAST_BITS];
        // canonical codes, in order of (length, symbol): the same order as `symbols`
        let mut code: u32 = 0;
        let mut index = 0usize;
        for len in 1..=MAX_BITS as u32 {
            for _ in 0..counts[len as usize] {
                if len <= FAST_BITS {
                    let reversed = code.reverse_bits() >> (32 - len);
                    let entry = (symbols[index] << 4) | len as u16;
                    let mut fill = reversed;
                    while fill < (1 << FAST_BITS) {
                        fast[fill as usize] = entry;
                        fill += 1 << len;
                    }
                }
                code += 1;
                index += 1;
            }
            code <<= 1;
        }
        Ok(Huffman { fast, counts, symbols })
    }

    #[inline(always)]
    fn decode(&self, bits: &mut Bits) -> Result<u16, String> {
        let entry = self.fast[bits.peek(FAST_BITS) as usize];
        if entry != 0 {
            bits.consume((entry & 15) as u32);
            return Ok(entry >> 4);
        }
        // a code longer than FAST_BITS (or none): walk the canonical code one bit at a time
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..=MAX_BITS {
            code |= bits.take(1) as i32;
            let count = self.counts[len] as i32;
            if code - first < count {
                return Ok(self.symbols[(index + code - first) as usize]);
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err("invalid Huffman code".to_string())
    }
}

/// Inflate a raw DEFLATE stream; `size_hint` (the zip's uncompressed size) sizes the output.
pub fn inflate(data: &[u8], size_hint: usize) -> Result<Vec<u8>, String> {
    let mut out: Vec<u8> = Vec::with_capacity(size_hint);
    let mut bits = Bits::new(data);
    loop {
        let last = bits.take(1) == 1;
        match bits.take(2) {
            0 => stored(&mut bits, &mut out)?,
            1 => {
                let (lit, dist) = fixed_codes()?;
                codes(&mut bits, &mut out, &lit, &dist)?
            }
            2 => {
                let (lit, dist) = dynamic_codes(&mut bits)?;
                codes(&mut bits, &mut out, &lit, &dist)?
            }
            _ => return Err("invalid block type 3".to_string()),
        }
        if bits.overrun() {
            return Err("the compressed data ends too early".to_string());
        }
        if last {
            return Ok(out);
        }
    }
}

fn stored(bits: &mut Bits, out: &mut Vec<u8>) -> Result<(), String> {
    bits.align();
    let len = bits.take(16) as usize;
    let nlen = bits.take(16) as usize;
    if len != !nlen & 0xffff {
        return Err("stored block length does not match its complement".to_string());
    }
    // the buffer now holds only whole bytes: continue from the first one not yet read
    let start = bits.consumed_bytes();
    let end = start + len;
    if end > bits.data.len() {
        return Err("stored block runs past the end of the data".to_string());
    }
    out.extend_from_slice(&bits.data[start..end]);
    *bits = Bits { data: bits.data, pos: end, buf: 0, count: 0 };
    Ok(())
}

fn fixed_codes() -> Result<(Huffman, Huffman), String> {
    let mut lengths = [0u8; 288];
    for (sym, l) in lengths.iter_mut().enumerate() {
        *l = match sym {
            0..=143 => 8,
            144..=255 => 9,
            256..=279 => 7,
            _ => 8,
        };
    }
    Ok((Huffman::new(&lengths)?, Huffman::new(&[5u8; 30])?))
}

fn dynamic_codes(bits: &mut Bits) -> Result<(Huffman, Huffman), String> {
    let nlen = bits.take(5) as usize + 257;
    let ndist = bits.take(5) as usize + 1;
    let ncode = bits.take(4) as usize + 4;
    if nlen > 286 || ndist > 30 {
        return Err("too many length or distance codes".to_string());
    }
    let mut clen = [0u8; 19];
    for &i in CLEN_ORDER.iter().take(ncode) {
        clen[i] = bits.take(3) as u8;
    }
    let clen_code = Huffman::new(&clen)?;
    let mut lengths = vec![0u8; nlen + ndist];
    let mut i = 0;
    while i < nlen + ndist {
        let sym = clen_code.decode(bits)?;
        let (value, repeat) = match sym {
            0..=15 => (sym as u8, 1),
            16 => {
                if i == 0 {
                    return Err("a length repeat with no previous length".to_string());
                }
                (lengths[i - 1], 3 + bits.take(2) as usize)
            }
            17 => (0, 3 + bits.take(3) as usize),
            _ => (0, 11 + bits.take(7) as usize),
        };
        if i + repeat > nlen + ndist {
            return Err("code lengths overflow their table".to_string());
        }
        lengths[i..i + repeat].fill(value);
        i += repeat;
    }
    if lengths[256] == 0 {
        return Err("no end-of-block code".to_string());
    }
    Ok((Huffman::new(&lengths[..nlen])?, Huffman::new(&lengths[nlen..])?))
}

fn codes(bits: &mut Bits, out: &mut Vec<u8>, lit: &Huffman, dist: &Huffman) -> Result<(), String> {
    loop {
        let sym = lit.decode(bits)? as usize;
        if sym < 256 {
            out.push(sym as u8);
            continue;
        }
        if sym == 256 {
            return Ok(());
        }
        let li = sym - 257;
        if li >= LENGTH_BASE.len() {
            return Err("invalid length symbol".to_string());
        }
        let len = LENGTH_BASE[li] as usize + bits.take(LENGTH_EXTRA[li] as u32) as usize;
        let di = dist.decode(bits)? as usize;
        if di >= DIST_BASE.len() {
            return Err("invalid distance symbol".to_string());
        }
        let distance = DIST_BASE[di] as usize + bits.take(DIST_EXTRA[di] as u32) as usize;
        if distance > out.len() {
            return Err("a distance reaches before the start of the output".to_string());
        }
        // an overlapping copy (distance < length) repeats the last `distance` bytes: copy them
        // a period at a time, each copy reading only bytes already written
        let from = out.len() - distance;
        if len <= 16 {
            // most matches are short: a byte loop beats a call to memmove, and is right for
            // overlapping copies too (each byte read was written before it)
            for k in from..from + len {
                let byte = out[k];
                out.push(byte);
            }
        } else {
            let mut left = len;
            while left > 0 {
                let step = left.min(distance);
                out.extend_from_within(from..from + step);
                left -= step;
            }
        }
        if bits.overrun() {
            return Err("the compressed data ends too early".to_string());
        }
    }
}

/// CRC-32 (IEEE, reflected polynomial 0xEDB88320) as zip stores it, table-driven 16 bytes at a
/// step (slicing-by-16: a stored exec of 1.6 MB is checked at every `/init`).
pub fn crc32(data: &[u8]) -> u32 {
    let t = crc_tables();
    let mut crc = !0u32;
    let mut chunks = data.chunks_exact(16);
    for c in &mut chunks {
        let lo = crc ^ u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        crc = t[15][(lo & 0xff) as usize]
            ^ t[14][((lo >> 8) & 0xff) as usize]
            ^ t[13][((lo >> 16) & 0xff) as usize]
            ^ t[12][(lo >> 24) as usize];
        for (k, &b) in c[4..].iter().enumerate() {
            crc ^= t[11 - k][b as usize];
        }
    }
    for &b in chunks.remainder() {
        crc = t[0][((crc ^ b as u32) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}

/// Slicing tables: `t[k][b]` is the CRC of byte `b` followed by `k` zero bytes.
fn crc_tables() -> Box<[[u32; 256]; 16]> {
    let mut t = Box::new([[0u32; 256]; 16]);
    for b in 0..256u32 {
        let mut c = b;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
        t[0][b as usize] = c;
    }
    for k in 1..16 {
        for b in 0..256 {
            let prev = t[k - 1][b];
            t[k][b] = t[0][(prev & 0xff) as usize] ^ (prev >> 8);
        }
    }
    t
}
