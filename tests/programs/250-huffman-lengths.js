// Huffman code lengths for a text using a sorted array as the queue.
const text = "abracadabra alakazam";
const freq = {};
for (const ch of text) freq[ch] = (freq[ch] || 0) + 1;
let nodes = Object.entries(freq).map(([ch, f]) => ({ f, chars: [ch] }));
const depth = {};
for (const ch of Object.keys(freq)) depth[ch] = 0;
while (nodes.length > 1) {
  nodes.sort((a, b) => a.f - b.f || (a.chars.join() < b.chars.join() ? -1 : 1));
  const [a, b] = nodes.splice(0, 2);
  for (const ch of [...a.chars, ...b.chars]) depth[ch]++;
  nodes.push({ f: a.f + b.f, chars: [...a.chars, ...b.chars] });
}
console.log(freq);
console.log(depth);
console.log(Object.keys(freq).reduce((bits, ch) => bits + freq[ch] * depth[ch], 0), text.length * 8);
