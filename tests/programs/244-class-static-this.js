// `this` in static methods is the class (or subclass) it was called on.
class Model {
  static create(props) {
    const m = new this();
    Object.assign(m, props);
    return m;
  }
  static get kind() {
    return this.name.toLowerCase();
  }
}
class User extends Model {}
class Post extends Model {}
const u = User.create({ name: "u1" });
const p = Post.create({ title: "hello" });
console.log(u, p, u instanceof User, p instanceof Model, User.kind, Post.kind);
