// Render an HTML page from a template with {{name}} slots, escaping every value.
function escapeHtml(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function render(template, data) {
  return template.replace(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, function (m, key) {
    return key in data ? escapeHtml(data[key]) : '';
  });
}

function main(params) {
  const items = params.items || [];
  let list = '';
  for (let i = 0; i < items.length; i++) {
    list += render('<li class="{{cls}}">{{text}}</li>', { cls: i % 2 === 0 ? 'even' : 'odd', text: items[i] });
  }
  const page = render('<!doctype html><html><head><title>{{title}}</title></head>' +
    '<body><h1>{{title}}</h1><p>{{intro}}</p><ul>', params) + list + '</ul></body></html>';
  return { statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page };
}
