"""Install the ``jsrust`` kernelspec into an environment (``python -m jsrust_kernel.install``).

Why ``abspath`` and not ``realpath``: inside a venv, ``realpath`` resolves the
interpreter symlink to the base Python, which cannot import jsrust.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile

from jupyter_client.kernelspec import KernelSpecManager

KERNEL_NAME = "jsrust"


def kernel_json() -> dict:
    return {
        "argv": [os.path.abspath(sys.executable), "-m", "jsrust_kernel", "-f", "{connection_file}"],
        "display_name": "JavaScript (jsrust)",
        "language": "javascript",
        "interrupt_mode": "signal",
        "metadata": {"debugger": False},
    }


def install(user: bool = False, prefix: str | None = None) -> str:
    """Write the kernelspec and return where it was installed."""
    with tempfile.TemporaryDirectory() as td:
        os.chmod(td, 0o755)
        with open(os.path.join(td, "kernel.json"), "w") as f:
            json.dump(kernel_json(), f, indent=1)
        return KernelSpecManager().install_kernel_spec(td, KERNEL_NAME, user=user, prefix=prefix, replace=True)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--user", action="store_true", help="install for the current user")
    ap.add_argument("--sys-prefix", action="store_true", help="install into sys.prefix (the venv)")
    ap.add_argument("--prefix", help="install into this prefix")
    args = ap.parse_args(argv)
    prefix = sys.prefix if args.sys_prefix else args.prefix
    where = install(user=args.user, prefix=prefix)
    print(f"installed kernelspec {KERNEL_NAME!r} in {where}")


if __name__ == "__main__":
    main()
