// __filename and __dirname are set per module.
const path = __filename.split("/");
console.log(path[path.length - 1], __dirname.endsWith("programs"), typeof __dirname);
console.log(require.main === module);
