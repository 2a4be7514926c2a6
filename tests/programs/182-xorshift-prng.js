// A seeded xorshift PRNG (deterministic), used to shuffle and sample.
function xorshift(seed) {
  let s = seed | 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}
const rnd = xorshift(2463534242);
const samples = [];
for (let i = 0; i < 5; i++) samples.push(rnd().toFixed(6));
console.log(samples);
const deck = Array.from({ length: 10 }, (_, i) => i);
for (let i = deck.length - 1; i > 0; i--) {
  const j = Math.floor(rnd() * (i + 1));
  [deck[i], deck[j]] = [deck[j], deck[i]];
}
console.log(deck);
const buckets = new Array(5).fill(0);
for (let i = 0; i < 1000; i++) buckets[Math.floor(rnd() * 5)]++;
console.log(buckets);
