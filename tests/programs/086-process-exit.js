// process.exit stops the program with a status; nothing after it runs.
console.log("before exit");
function finish(code) {
  console.log("exiting with", code);
  process.exit(code);
}
finish(3);
console.log("never printed");
