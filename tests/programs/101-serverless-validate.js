// A serverless action that validates input and returns error objects instead of throwing.
function main(params) {
  const errors = [];
  if (typeof params.email !== "string" || !params.email.includes("@")) errors.push("email is invalid");
  if (!Number.isInteger(params.age) || params.age < 0) errors.push("age must be a non-negative integer");
  if (errors.length) return { statusCode: 400, body: { errors } };
  const [user, domain] = params.email.split("@");
  return { statusCode: 200, body: { user, domain: domain.toLowerCase(), adult: params.age >= 18 } };
}
const requests = [
  { email: "ann@Example.COM", age: 34 },
  { email: "nobody", age: 3 },
  { email: "kid@school.edu", age: 12.5 },
  { age: -1 },
  { email: "teen@x.org", age: 17 },
];
for (const r of requests) console.log(JSON.stringify(main(r)));
