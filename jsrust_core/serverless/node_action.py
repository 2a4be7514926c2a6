"""Run a JavaScript OpenWhisk action under node, as a persistent process like the Node runtime.

node runs `launcher.js` (next to this module), which loads the action the way OpenWhisk's Node.js
runtime loads plain code and then speaks ActionLoop, so `ActionLoopProcess` drives it exactly as
it drives a compiled Rust `exec`.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from .actionloop import ActionLoopProcess

LAUNCHER = Path(__file__).with_name("launcher.js")


def node_binary() -> str:
    """Absolute path of node (the action's environment has no PATH to search)."""
    found = shutil.which("node")
    if found is None:
        raise FileNotFoundError("node is not on PATH")
    return str(Path(found).resolve())


def node_action_argv(action_js: str | Path, main: str = "main") -> list[str]:
    """The command line that runs `action_js`'s `main` under the launcher."""
    return [node_binary(), str(LAUNCHER), str(Path(action_js).resolve()), main]


def node_action_process(action_js: str | Path, main: str = "main", env: dict[str, str] | None = None,
                        *, wait_for_ack: bool = True, log=None) -> ActionLoopProcess:
    """An (unstarted) ActionLoop process running `action_js`'s `main` under node."""
    return ActionLoopProcess(node_action_argv(action_js, main), env, wait_for_ack=wait_for_ack, log=log)
