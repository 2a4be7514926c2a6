// Parse CSV (quoted fields, escaped quotes) into objects keyed by the header row.
function parseLine(line) {
  const fields = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(cur); cur = ''; }
    else cur += c;
  }
  fields.push(cur);
  return fields;
}

function main(params) {
  const lines = String(params.csv || '').split('\n').filter(function (l) { return l.trim() !== ''; });
  if (lines.length === 0) return { rows: [], columns: [] };
  const header = parseLine(lines[0]);
  const rows = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = parseLine(lines[i]);
    const row = {};
    for (let j = 0; j < header.length; j++) {
      const cell = j < cells.length ? cells[j] : '';
      const num = Number(cell);
      row[header[j]] = params.typed && cell !== '' && !isNaN(num) ? num : cell;
    }
    rows.push(row);
  }
  return { columns: header, rows: rows };
}
