// Dynamic programming: edit distance, longest common subsequence, knapsack.
function editDistance(a, b) {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i][j] = Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return dp[a.length][b.length];
}
console.log(editDistance("kitten", "sitting"), editDistance("", "abc"), editDistance("flaw", "lawn"));
function lcs(a, b) {
  const dp = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(""));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i][j] = a[i - 1] === b[j - 1] ? dp[i - 1][j - 1] + a[i - 1] : dp[i - 1][j].length >= dp[i][j - 1].length ? dp[i - 1][j] : dp[i][j - 1];
  return dp[a.length][b.length];
}
console.log(lcs("AGGTAB", "GXTXAYB"));
function knapsack(items, cap) {
  const best = new Array(cap + 1).fill(0);
  for (const [w, v] of items) for (let c = cap; c >= w; c--) best[c] = Math.max(best[c], best[c - w] + v);
  return best[cap];
}
console.log(knapsack([[1, 1], [3, 4], [4, 5], [5, 7]], 7));
