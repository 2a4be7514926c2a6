// An error thrown while loading a required module propagates to the requirer.
try {
  require("./modules/throws-on-load");
} catch (e) {
  console.log("caught:", e.message);
}
require("./modules/throws-on-load");
