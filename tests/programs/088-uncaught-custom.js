// An uncaught user-defined error subclass.
class ConfigError extends Error {
  constructor(msg) {
    super(msg);
    this.name = "ConfigError";
  }
}
function load(cfg) {
  if (!cfg.port) throw new ConfigError("port is required");
  return cfg.port;
}
console.log(load({ port: 80 }));
load({});
