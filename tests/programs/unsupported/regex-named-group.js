// expect: Unsupported: regular expression feature named groups at 3:19
const s = "2024-01-15";
const m = s.match(/(?<year>\d{4})-(?<month>\d\d)/);
console.log(m.groups.year);
