// Calling a method of undefined escapes as a TypeError.
const handlers = { start: () => "started" };
console.log(handlers.start());
console.log(handlers.stop());
