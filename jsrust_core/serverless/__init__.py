"""OpenWhisk actions: a local /init /run runner, the ActionLoop driver, zip export, measurements."""
