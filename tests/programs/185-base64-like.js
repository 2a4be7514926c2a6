// A hand-rolled base64 encoder/decoder over ASCII strings.
const ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function encode(s) {
  let out = "";
  for (let i = 0; i < s.length; i += 3) {
    const a = s.charCodeAt(i), b = s.charCodeAt(i + 1), c = s.charCodeAt(i + 2);
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += ALPHA[(n >> 18) & 63] + ALPHA[(n >> 12) & 63];
    out += i + 1 < s.length ? ALPHA[(n >> 6) & 63] : "=";
    out += i + 2 < s.length ? ALPHA[n & 63] : "=";
  }
  return out;
}
function decode(s) {
  let out = "";
  for (let i = 0; i < s.length; i += 4) {
    const n = (ALPHA.indexOf(s[i]) << 18) | (ALPHA.indexOf(s[i + 1]) << 12) | ((ALPHA.indexOf(s[i + 2]) & 63) << 6) | (ALPHA.indexOf(s[i + 3]) & 63);
    out += String.fromCharCode((n >> 16) & 255);
    if (s[i + 2] !== "=") out += String.fromCharCode((n >> 8) & 255);
    if (s[i + 3] !== "=") out += String.fromCharCode(n & 255);
  }
  return out;
}
for (const s of ["", "f", "fo", "foo", "foobar", "Hello, World!"]) console.log(JSON.stringify(s), encode(s), decode(encode(s)) === s);
