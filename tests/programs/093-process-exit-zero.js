// process.exit() with no code exits 0 immediately, even inside loops.
for (let i = 0; ; i++) {
  console.log("iteration", i);
  if (i === 2) process.exit();
}
