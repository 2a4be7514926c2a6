// Throwing a non-Error value uncaught.
console.log("about to throw a string");
throw "a bare string";
