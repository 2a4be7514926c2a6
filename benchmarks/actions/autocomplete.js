// Prefix autocomplete over a word list with a trie, ranked by weight then alphabetically.
function buildTrie(words) {
  const root = { children: {}, words: [] };
  for (const entry of words) {
    root.words.push(entry);
    let node = root;
    const word = entry.word.toLowerCase();
    for (const ch of word) {
      if (!node.children[ch]) node.children[ch] = { children: {}, words: [] };
      node = node.children[ch];
      node.words.push(entry);
    }
  }
  return root;
}

function main(params) {
  const dictionary = params.words || [];
  const limit = params.limit || 5;
  const trie = buildTrie(dictionary);
  let node = trie;
  for (const ch of String(params.prefix || '').toLowerCase()) {
    node = node.children[ch];
    if (!node) return { prefix: params.prefix, suggestions: [] };
  }
  const ranked = node.words.slice().sort(function (a, b) {
    if (b.weight !== a.weight) return b.weight - a.weight;
    return a.word < b.word ? -1 : a.word > b.word ? 1 : 0;
  });
  return { prefix: params.prefix, suggestions: ranked.slice(0, limit).map(function (e) { return e.word; }) };
}
