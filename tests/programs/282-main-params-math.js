// A serverless action computing compound interest schedules.
function main({ principal = 1000, rate = 5, years = 3, monthly = false }) {
  const periods = monthly ? 12 : 1;
  const r = rate / 100 / periods;
  const schedule = [];
  let balance = principal;
  for (let y = 1; y <= years; y++) {
    for (let p = 0; p < periods; p++) balance *= 1 + r;
    schedule.push({ year: y, balance: Math.round(balance * 100) / 100 });
  }
  return { final: schedule[schedule.length - 1]?.balance ?? principal, schedule };
}
console.log(main({}));
console.log(JSON.stringify(main({ principal: 2500, rate: 3.5, years: 2, monthly: true })));
console.log(main({ years: 0 }));
