// Short-circuiting skips side effects in &&, ||, ??, ?. and ?:.
const log = [];
const t = name => (log.push(name), true);
const f = name => (log.push(name), false);
const u = name => (log.push(name), undefined);
f("a") && t("b");
t("c") || f("d");
u("e") ?? t("f");
t("g") ?? t("h");
(t("i") ? t("j") : t("k"));
const o = null;
o?.method(t("never"));
console.log(log.join(" "));
