#!/usr/bin/env bash
# Checks the tools jsrust drives from outside Python: rustc, node, graphviz's dot
# (and, with --browser, Debian's chromium for the browser tests).
# dot is installed from Debian's packages when we are root; otherwise we stop and name the command.
set -euo pipefail
missing=0
for tool in rustc node; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "jsrust needs '$tool' on PATH (rustc from rustup or Debian's rustc; Node.js 20)." >&2
    missing=1
  fi
done
if ! command -v dot >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing graphviz (dot) with apt-get ..."
    apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq graphviz >/dev/null
  else
    echo "graphviz's 'dot' is missing. Install it with:  sudo apt-get install -y graphviz" >&2
    missing=1
  fi
fi
# the real-browser tests (make test) drive Debian's chromium (never a browser download)
if [ "${1:-}" = "--browser" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing chromium (headless browser tests) with apt-get ..."
    apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq chromium >/dev/null
  else
    echo "chromium is missing (needed by the browser tests). Install it with:  sudo apt-get install -y chromium" >&2
    missing=1
  fi
fi
exit $missing
