// A serverless action transforming records (map/filter/group) and returning a summary.
function main({ records = [], minScore = 0 }) {
  const kept = records.filter(r => r.score >= minScore);
  const byTeam = {};
  for (const r of kept) {
    const t = (byTeam[r.team] ||= { members: [], total: 0 });
    t.members.push(r.name);
    t.total += r.score;
  }
  const ranking = Object.entries(byTeam)
    .map(([team, t]) => ({ team, avg: +(t.total / t.members.length).toFixed(2), members: t.members.sort() }))
    .sort((a, b) => b.avg - a.avg);
  return { kept: kept.length, dropped: records.length - kept.length, ranking };
}
const records = [
  { name: "zed", team: "red", score: 71 }, { name: "amy", team: "blue", score: 88 },
  { name: "bo", team: "red", score: 93 }, { name: "cat", team: "green", score: 40 },
  { name: "dan", team: "blue", score: 65 }, { name: "eve", team: "green", score: 99 },
];
console.log(main({ records, minScore: 50 }));
console.log(JSON.stringify(main({ records })));
console.log(main({}));
