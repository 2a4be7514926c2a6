// Reshape an order record: normalise names, total the lines, drop empty fields.
function main(params) {
  const items = params.items || [];
  let total = 0;
  const lines = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const qty = it.qty === undefined ? 1 : it.qty;
    const amount = Math.round(qty * it.price * 100) / 100;
    total += amount;
    lines.push({ sku: String(it.sku).toUpperCase(), qty: qty, amount: amount });
  }
  const customer = (params.customer || '').trim();
  const out = { customer: customer.length > 0 ? customer : 'anonymous', lines: lines,
                total: Math.round(total * 100) / 100, count: lines.length };
  if (params.note) out.note = params.note;
  return out;
}
