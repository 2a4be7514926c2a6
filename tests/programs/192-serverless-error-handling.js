// A serverless action whose failures become error responses (caught), with one uncaught at the end.
function main(params) {
  try {
    if (params.n === undefined) throw new TypeError("missing parameter n");
    const n = Number(params.n);
    if (!Number.isFinite(n)) throw new RangeError(`n is not finite: ${params.n}`);
    return { statusCode: 200, body: { n, square: n * n, sqrt: Math.sqrt(n) } };
  } catch (e) {
    return { statusCode: e instanceof TypeError ? 400 : 422, body: { error: `${e.name}: ${e.message}` } };
  }
}
for (const p of [{ n: 4 }, { n: "2.25" }, {}, { n: "abc" }, { n: -1 }]) console.log(JSON.stringify(main(p)));
