// A serverless-style main() that runs a text-processing pipeline on params.text.
function main(params) {
  const text = String(params.text ?? "");
  const words = text.split(" ").filter(w => w.length > 0);
  const longest = words.reduce((a, w) => (w.length > a.length ? w : a), "");
  const caps = words.filter(w => w[0] === w[0].toUpperCase() && w[0] !== w[0].toLowerCase());
  return {
    chars: text.length,
    words: words.length,
    longest,
    capitalised: caps,
    reversed: words.slice().reverse().join(" "),
  };
}
console.log(main({ text: "The Rust and JavaScript workbench compares Node output" }));
console.log(main({ text: "" }));
console.log(main({}));
console.log(main({ text: 12345 }));
