// typeof of Node's globals and the CommonJS module's own names, used or not.
console.log(typeof setTimeout, typeof setInterval, typeof clearTimeout, typeof setImmediate);
console.log(typeof require, typeof module, typeof exports, typeof __dirname, typeof __filename);
console.log(typeof process, typeof globalThis, typeof global, typeof console);
console.log(typeof queueMicrotask, typeof structuredClone, typeof Buffer, typeof fetch);
console.log(typeof Intl, typeof Reflect, typeof Atomics, typeof WebAssembly, typeof performance);
console.log(typeof Promise, typeof Proxy, typeof WeakMap, typeof TextEncoder, typeof URL);
console.log(typeof NaN, typeof Infinity, typeof undefined, typeof window, typeof document);
const hasTimers = typeof setTimeout === 'function' && typeof clearTimeout === 'function';
console.log(hasTimers ? 'timers' : 'no timers');
