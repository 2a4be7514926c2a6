// bench: train 20, run 5000
// A tiny template renderer: {{name}} substitution and {{#each items}} blocks, rendered many times.
function render(template, data) {
  let out = '', pos = 0;
  while (pos < template.length) {
    const open = template.indexOf('{{', pos);
    if (open < 0) { out += template.substring(pos); break; }
    out += template.substring(pos, open);
    const close = template.indexOf('}}', open);
    const tag = template.substring(open + 2, close).trim();
    if (tag.startsWith('#each ')) {
      const endTag = '{{/each}}';
      const endPos = template.indexOf(endTag, close);
      const body = template.substring(close + 2, endPos);
      const list = data[tag.substring(6)];
      for (let i = 0; i < list.length; i++) out += render(body, list[i]);
      pos = endPos + endTag.length;
    } else {
      out += String(data[tag]);
      pos = close + 2;
    }
  }
  return out;
}
const page = '<h1>{{title}}</h1><ul>{{#each rows}}<li>{{name}}: {{qty}}</li>{{/each}}</ul><p>{{footer}}</p>';
let total = 0, last = '';
const renders = Number(process.argv[2] || 100);
for (let r = 0; r < renders; r++) {
  const rows = [];
  for (let i = 0; i < 8; i++) rows.push({ name: 'item' + ((r + i) % 13), qty: (r * i) % 17 });
  last = render(page, { title: 'Order ' + r, rows: rows, footer: 'thanks' });
  total += last.length;
}
console.log(total);
console.log(last);
