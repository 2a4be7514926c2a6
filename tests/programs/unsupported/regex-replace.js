// expect: Unsupported: regular expression at 3:37
const s = "2024-01-15";
console.log("date parts", s.replace(/-/g, "/"));
