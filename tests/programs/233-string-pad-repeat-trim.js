// padStart/padEnd with multi-char fillers, repeat and trimming of unicode spaces.
console.log("5".padStart(4, "ab"), "5".padEnd(4, "ab"), "long".padStart(2), "x".padStart(3, ""));
console.log("ab".repeat(0) === "", "-".repeat(10));
console.log(JSON.stringify(" \t\n\u00a0 text \u2003\n".trim()));
console.log(JSON.stringify("  mid  dle  ".trimStart()), JSON.stringify("  mid  dle  ".trimEnd()));
