// Escape sequences in string literals.
console.log("\x41\u0042\u{43}", "\101" === "A" ? "octal" : "no octal", "a\
b");
console.log("\0".length, "\v\f".length, JSON.stringify("\b\f\v\0"));
console.log(["\x00", "\x1b", "\x7f", "\u200b"]);
console.log('single \'quoted\'', "double \"quoted\"", `back \`quoted\``);
