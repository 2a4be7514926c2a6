// args: 3 4.5 -2
// Arguments arrive as strings; summing them needs conversion.
const nums = process.argv.slice(2);
console.log(nums, nums.map(Number).reduce((a, b) => a + b, 0), nums.join("+"));
console.log(nums.map(s => typeof s));
