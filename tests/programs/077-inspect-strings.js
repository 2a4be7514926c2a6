// Strings at top level print raw; inside containers they are quoted and escaped.
const samples = ["plain", "it's", 'he said "hi"', "both ' and \"", "new\nline", "tab\tstop", "", "back\\slash", "uni\u0007bell", "é ü 😀"];
for (const s of samples) console.log(s);
console.log(samples);
console.log({ key: "value's" });
console.log([`both ' and " and \``]);
console.log(new Map([["it's", "v"]]));
