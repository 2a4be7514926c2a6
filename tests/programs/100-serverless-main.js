// An OpenWhisk-style action: main(params) returns an object, called with sample params.
function main(params) {
  const name = params.name || "stranger";
  const times = Math.min(params.times ?? 1, 3);
  const greetings = [];
  for (let i = 0; i < times; i++) greetings.push(`Hello, ${name}! (#${i + 1})`);
  return { statusCode: 200, body: { greetings, count: greetings.length } };
}
console.log(main({}));
console.log(main({ name: "Ada", times: 2 }));
console.log(JSON.stringify(main({ name: "Bob", times: 10 })));
