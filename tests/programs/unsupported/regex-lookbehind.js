// expect: Unsupported: regular expression feature lookbehind at 3:28
const text = "price: $42, cost: $7";
const amounts = text.match(/(?<=\$)\d+/g);
console.log(amounts);
