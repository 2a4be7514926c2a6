// Markdown subset to HTML: headings, paragraphs, lists, emphasis, code spans, links.
function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function inline(text) {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');
}

function main(params) {
  const lines = String(params.markdown || '').split('\n');
  const html = [];
  let para = [];
  let inList = false;
  function flush() {
    if (para.length) { html.push('<p>' + inline(para.join(' ')) + '</p>'); para = []; }
    if (inList) { html.push('</ul>'); inList = false; }
  }
  for (const raw of lines) {
    const line = raw.trimEnd();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const level = heading[1].length;
      html.push('<h' + level + '>' + inline(heading[2]) + '</h' + level + '>');
    } else if (/^[-*]\s+/.test(line)) {
      if (para.length) { html.push('<p>' + inline(para.join(' ')) + '</p>'); para = []; }
      if (!inList) { html.push('<ul>'); inList = true; }
      html.push('<li>' + inline(line.replace(/^[-*]\s+/, '')) + '</li>');
    } else if (line === '') {
      flush();
    } else {
      if (inList) { html.push('</ul>'); inList = false; }
      para.push(line.trim());
    }
  }
  flush();
  return { html: html.join('\n'), blocks: html.length };
}
