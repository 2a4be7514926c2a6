// Sorting numeric strings, versions and mixed-case words correctly.
const versions = ["1.10.0", "1.2.0", "1.2.10", "1.2.9", "0.9.1", "2.0.0"];
const cmp = (a, b) => {
  const pa = a.split(".").map(Number), pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
};
console.log([...versions].sort(), [...versions].sort(cmp));
const files = ["file10.txt", "file2.txt", "File1.txt", "file1.txt"];
const natural = (a, b) => {
  const na = parseInt(a.replace("file", "").replace("File", "")), nb = parseInt(b.replace("file", "").replace("File", ""));
  return na - nb || (a < b ? -1 : 1);
};
console.log([...files].sort(), [...files].sort(natural));
