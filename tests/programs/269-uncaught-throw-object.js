// Throwing a plain object uncaught prints it with util.inspect.
console.log("throwing an object");
throw { code: 500, reason: "internal" };
