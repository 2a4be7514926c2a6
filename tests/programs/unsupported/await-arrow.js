// expect: Unsupported: async at 2:17
const delayed = async () => 42;
console.log(delayed);
