// exports.x style modules, module caching and nested requires.
const counter = require("./modules/counter");
console.log(counter.loadedAt, counter.current());
counter.increment();
const bump = require("./modules/uses-counter");
console.log(bump(), counter.current());
const again = require("./modules/counter");
console.log(again === counter, again.current());
console.log(typeof module, typeof exports, typeof require, module.exports === exports);
