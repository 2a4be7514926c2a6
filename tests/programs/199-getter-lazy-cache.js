// A lazily computed property that replaces its getter with a data property.
let computations = 0;
const config = {
  get expensive() {
    computations++;
    const value = Array.from({ length: 5 }, (_, i) => i * i);
    Object.defineProperty(this, "expensive", { value, enumerable: true });
    return value;
  },
};
console.log(computations, config.expensive, config.expensive, computations);
console.log(Object.getOwnPropertyDescriptor(config, "expensive").writable);
