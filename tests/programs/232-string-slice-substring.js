// slice vs substring vs substr argument handling.
const s = "0123456789";
const args = [[2, 5], [5, 2], [-3], [-3, -1], [3, -1], [NaN, 4], [2, 100], [100]];
for (const a of args) console.log(JSON.stringify(a), s.slice(...a), s.substring(...a), s.substr(...a));
