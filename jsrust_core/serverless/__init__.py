"""OpenWhisk actions: local /init /run runtimes (node; a Rust ActionLoop proxy), an ActionLoop driver, zip export, measurements."""
