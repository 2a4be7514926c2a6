// expect: Unsupported: async at 2:1
async function fetchData() {
  return 1;
}
fetchData().then(v => console.log(v));
