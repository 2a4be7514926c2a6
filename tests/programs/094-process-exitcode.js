// Setting process.exitCode changes the status without stopping the program.
console.log("start");
process.exitCode = 4;
console.log("still running, exitCode", process.exitCode);
