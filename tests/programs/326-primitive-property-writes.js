// Writing a property on a primitive: ignored in sloppy code, V8's TypeError in strict code.
function strict(v, k) {
  "use strict";
  try { v[k] = 1; return "ok"; } catch (e) { return e.message; }
}
function sloppy(v, k) { v[k] = 1; return v[k]; }
console.log(strict("str", "x"), strict(5, "y"), strict(true, "z"), strict(-0, "w"), strict(1.5e21, "q"));
console.log(sloppy("str", "x"), sloppy(5, "y"), sloppy(false, "z"));
class K { static put(s) { try { s.len = 2; } catch (e) { return e.message; } } }
console.log(K.put("abc"));
