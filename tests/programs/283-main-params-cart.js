// A shopping-cart action: discounts, taxes, and rounding to cents.
const PRICES = { apple: 0.4, bread: 2.2, milk: 1.15, cheese: 6.8 };
function main({ items = [], coupon }) {
  const lines = [];
  let subtotal = 0;
  for (const { sku, qty = 1 } of items) {
    const price = PRICES[sku];
    if (price === undefined) {
      lines.push({ sku, error: "unknown item" });
      continue;
    }
    const total = Math.round(price * qty * 100) / 100;
    subtotal += total;
    lines.push({ sku, qty, total });
  }
  const discount = coupon === "HALF" ? subtotal / 2 : coupon === "TEN" ? Math.min(10, subtotal) : 0;
  const tax = Math.round((subtotal - discount) * 0.25 * 100) / 100;
  return { lines, subtotal: +subtotal.toFixed(2), discount: +discount.toFixed(2), tax, total: +(subtotal - discount + tax).toFixed(2) };
}
console.log(main({ items: [{ sku: "apple", qty: 6 }, { sku: "cheese" }, { sku: "caviar", qty: 1 }] }));
console.log(JSON.stringify(main({ items: [{ sku: "bread", qty: 3 }, { sku: "milk", qty: 2 }], coupon: "HALF" })));
console.log(main({ coupon: "TEN" }));
