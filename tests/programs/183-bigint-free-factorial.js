// Big factorials with digit arrays (no BigInt): 50! and 100! digit sums.
function bigFactorial(n) {
  const digits = [1];
  for (let k = 2; k <= n; k++) {
    let carry = 0;
    for (let i = 0; i < digits.length; i++) {
      const v = digits[i] * k + carry;
      digits[i] = v % 10;
      carry = Math.floor(v / 10);
    }
    while (carry) {
      digits.push(carry % 10);
      carry = Math.floor(carry / 10);
    }
  }
  return digits.reverse().join("");
}
const f50 = bigFactorial(50);
console.log(f50, f50.length);
console.log(bigFactorial(100).split("").reduce((a, d) => a + Number(d), 0));
console.log(bigFactorial(20), String(2432902008176640000));
