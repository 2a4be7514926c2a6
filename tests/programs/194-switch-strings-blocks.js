// switch over strings with block-scoped cases and shared bodies.
function category(animal) {
  switch (animal.toLowerCase()) {
    case "dog":
    case "cat": {
      const note = "pet";
      return note + ":" + animal;
    }
    case "cow":
    case "pig": {
      const note = "farm";
      return note + ":" + animal;
    }
    case "":
      return "empty";
    default:
      return "wild:" + animal;
  }
}
console.log(["Dog", "cat", "PIG", "", "wolf"].map(category));
function noMatch(x) {
  let r = "start";
  switch (x) {
    case 1:
      r = "one";
  }
  return r;
}
console.log(noMatch(2), noMatch(1));
