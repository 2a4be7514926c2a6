// process.exit inside nested calls and finally blocks still stops immediately.
function shutdown() {
  try {
    console.log("shutting down");
    process.exit(7);
  } finally {
    console.log("finally does not run after process.exit");
  }
}
[1, 2].forEach(n => {
  console.log("item", n);
  if (n === 2) shutdown();
});
