// Found by test_generated (compiled): rustc rejected the generated Rust (E0689 on an ambiguous numeric
// type, around a `.repeat(3) > ...` comparison). Kept whole: the compile-side shrink did not finish in time.
function case0() {
  try {
    for (let i2 = 0; i2 < 0; i2++) {
      var s3 = [2.5].slice(0, 1).join(' - ');
    }
    if ((3.14159 == 1e21)) throw new Error(String(true));
  } catch (err1) {
    console.log(err1.name, err1.message, err1 instanceof Error);
  }
  console.log(("say \"hi\"".startsWith("it's") + ({ x: (-0), y: 255, label: "abc" } + "ü")), [0.5, 0.1, 0.5].slice(-1, 3).join(','), { x: [2].indexOf(2.5), y: [1e21, -2147483648, 1e-7][3], label: Number(1e21).toString() });
  switch (("Hello" * 1) % 3) {
    case 0:
      console.log((JSON.stringify("tab\t") + (true && true)), ([1, 7, Infinity] + (typeof [-0, 0.1, -2147483648, 2, 1, 0.1, 2, 10, Infinity])));
    case 1:
      console.log(((0 * 10) <= (2.5 % (-1))));
      const b7 = ([].indexOf(2147483647) >= " 42 ".length);
      break;
    default:
      console.log((typeof [2, 0.5, 1e21, 2, 1][6]), { x: Math.max(0.5, 0), y: [2, 3.14159, Infinity, 1e-7, 100, 10].length, label: "abc".slice(0, 0) });
      break;
  }
  return [7].filter((v8) => (Number.isInteger(2.5)));
}
console.log('case 0:', case0());
function case1() {
  for (const e1 of [2, NaN, -0, 7, 255, -0, Infinity, 100]) {
    for (const e2 of []) {
      var b3 = ("say \"hi\"".repeat(3) > (typeof [0.5, NaN, -0, 10, 1e-7, 1, 0.5]));
    }
    for (let i4 = 0; i4 < 2; i4++) {
      console.log((~(false ? i4 : NaN)), (typeof "say \"hi\"".slice(0, 1)), { x: [3.14159, 3, 0, 1e21, 1, 0.1].indexOf(NaN), y: [-0, 2147483647, 0, 2147483647].length, label: String(1e21) });
      var o5 = { x: 2147483647, y: parseInt("tab\t"), label: ([] + "x y") };
    }
  }
  return JSON.stringify([...[-1, 10, 0.5, 1, 1e-7, 0, 255]].sort());
}
console.log('case 1:', case1());
function case2() {
  for (let i1 = 0; i1 < 2; i1++) {
    for (const e2 of [-2147483648, 1e21, 0.1, 7, 2, 4294967296, 10]) {
      let a3 = [255, 4294967296, 2.5].map((v4) => (("a" * 1)));
      const b6 = true;
    }
  }
  return JSON.stringify("a").repeat(0);
}
console.log('case 2:', case2());
function case3() {
  if (((~0) < [3, 2, 0.5, Infinity].length)) {
    for (let i1 = 0; i1 < 3; i1++) {
      var a2 = [...[1e21, 1, 0.5, 0, -2147483648, 10]].reverse().map((v3) => ([0.5, 10, 0.5, Infinity][3]));
      a2[0] = "it's".length;
    }
  } else {
    for (let i5 = 0; i5 < 3; i5++) {
      const n6 = ([2147483647, 10, -2147483648, 0.5, 3].includes(255) ? [0.5, 7, 7, 4294967296, 1, 0.1, 0].indexOf(3) : (- i5));
    }
  }
  let w7 = 0;
  while (w7 < 4) {
    w7++;
    console.log({ x: 100, y: [1e-7].reduce((acc, v) => acc + v, 0), label: Number(0.5).toFixed(1) }, `<${Number(w7).toFixed(3)}:${JSON.stringify("a")}>`, [...[2.5, 1], 0.1].filter((v8) => (Number.isInteger(7))));
    let b10 = false;
  }
  function h11(k12) {
    if (k12 <= 0) return { x: w7, y: w7, label: "a" }.y;
    return h11(k12 - 1) + Number("-0");
  }
  console.log(h11(2));
  try {
    for (const e14 of [7, 255, -1, 2.5, 100, 3.14159, 255, -0, 0.1]) {
      var o15 = { x: (true ? 255 : 7), y: [2.5, 1e21, 1, 4294967296].indexOf(2147483647), label: JSON.stringify([Infinity, 1e-7, 0.1, 0, NaN, 0.5]) };
    }
    if (true) throw new TypeError("x y".trim());
  } catch (err13) {
    console.log(err13.name, err13.message, err13 instanceof Error);
  } finally {
    console.log('finally');
  }
  return `<${"Hello"}:${isNaN(0.1)}>`;
}
console.log('case 3:', case3());
