// Class static blocks: run in order with static fields, this and super are the class's, the
// class name is bound before they run, var/function declarations stay inside the block.
let log = [];
class Config {
  static a = 1;
  static {
    var hidden = 10;
    const b = this.a + hidden;
    this.b = b;
    log.push("block1 " + b);
    function helper() { return "h"; }
    this.h = helper();
  }
  static c = Config.b * 2;
  static {
    log.push("block2 " + this.c);
    try { throw new Error("inside"); } catch (e) { log.push(e.message); }
  }
}
console.log(log, Config.a, Config.b, Config.c, Config.h, typeof hidden);
class Sub extends Config { static { this.d = super.a ?? "none"; log.push("sub " + this.d); } }
console.log(Sub.d, log.length);
