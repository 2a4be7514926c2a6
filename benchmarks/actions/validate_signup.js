// Validate a sign-up form; problems come back as an application error result.
function main(params) {
  const problems = [];
  const name = typeof params.name === 'string' ? params.name.trim() : '';
  if (name.length < 2) problems.push('name must have at least 2 characters');
  const email = typeof params.email === 'string' ? params.email : '';
  const at = email.indexOf('@');
  if (at < 1 || email.lastIndexOf('.') < at + 2 || email.endsWith('.')) problems.push('email is not valid');
  const age = params.age;
  if (typeof age !== 'number' || !Number.isInteger(age) || age < 13 || age > 130) {
    problems.push('age must be an integer between 13 and 130');
  }
  const password = String(params.password || '');
  if (password.length < 8 || !/[0-9]/.test(password) || !/[A-Za-z]/.test(password)) {
    problems.push('password needs 8+ characters with letters and digits');
  }
  if (problems.length > 0) return { error: { code: 400, problems: problems } };
  return { ok: true, user: { name: name, email: email.toLowerCase(), age: age } };
}
