// A module whose body throws.
console.log("loading throws-on-load");
throw new Error("module failed to initialise");
