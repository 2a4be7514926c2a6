// Echo the parameters back with a summary of their JSON types (a baseline action).
function kind(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function main(params) {
  const types = {};
  for (const key of Object.keys(params)) types[key] = kind(params[key]);
  return { echo: params, types: types, keys: Object.keys(params).length };
}
