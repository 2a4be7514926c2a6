// An inventory system: classes, maps, totals and a formatted report.
class Product {
  constructor(sku, name, price) {
    Object.assign(this, { sku, name, price });
  }
}
class Inventory {
  #stock = new Map();
  add(product, qty) {
    const cur = this.#stock.get(product.sku);
    this.#stock.set(product.sku, { product, qty: (cur ? cur.qty : 0) + qty });
    return this;
  }
  remove(sku, qty) {
    const cur = this.#stock.get(sku);
    if (!cur || cur.qty < qty) throw new Error(`cannot remove ${qty} of ${sku}`);
    cur.qty -= qty;
    if (cur.qty === 0) this.#stock.delete(sku);
  }
  value() {
    let v = 0;
    for (const { product, qty } of this.#stock.values()) v += product.price * qty;
    return v;
  }
  report() {
    return [...this.#stock.values()].map(({ product, qty }) => `${product.sku} ${product.name.padEnd(8)} x${qty}`).join("\n");
  }
}
const inv = new Inventory();
const pen = new Product("P1", "pen", 1.2), pad = new Product("P2", "notepad", 3.5);
inv.add(pen, 10).add(pad, 2).add(pen, 5);
inv.remove("P2", 2);
try {
  inv.remove("P1", 100);
} catch (e) {
  console.log(e.message);
}
console.log(inv.report());
console.log(inv.value().toFixed(2));
console.log(pen);
