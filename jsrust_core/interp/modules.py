"""CommonJS: ``require``, ``module``/``exports``, ``__filename``/``__dirname`` and
Node's file resolution (file, ``.js``, ``.json``, ``dir/package.json`` "main",
``dir/index.js``, ``node_modules`` up the directory tree), plus ``process``.
"""
from __future__ import annotations

import json
import os
from typing import Any, Optional

from ..errors import JsrustError, Unsupported
from ..values import UNDEFINED, JSObject
from .exitcode import exit_status, validate_exit_code
from .functions import JSThrow, NativeFunction
from .stack import caller_site


class ProcessExit(JsrustError):
    """``process.exit(code)``: unwinds everything (no JS catch or finally runs)."""

    def __init__(self, code: int) -> None:
        super().__init__(f"process.exit({code})")
        self.code = code


#: Node's own modules (`require('util')`): none is modelled, and a program that needs one must
#: stop by name rather than get the MODULE_NOT_FOUND error Node would never raise
NODE_BUILTIN_MODULES = frozenset((
    "assert", "async_hooks", "buffer", "child_process", "cluster", "console", "constants", "crypto", "dgram",
    "diagnostics_channel", "dns", "domain", "events", "fs", "http", "http2", "https", "inspector", "module", "net",
    "os", "path", "perf_hooks", "process", "punycode", "querystring", "readline", "repl", "stream",
    "string_decoder", "sys", "timers", "tls", "trace_events", "tty", "url", "util", "v8", "vm", "wasi",
    "worker_threads", "zlib",
))


def is_node_builtin(spec: str) -> bool:
    """Whether `require(spec)` names one of Node's own modules (`fs/promises`, `node:util` too)."""
    return spec.startswith("node:") or spec.split("/")[0] in NODE_BUILTIN_MODULES


def _is_file(p: str) -> bool:
    return os.path.isfile(p)


def resolve(spec: str, from_dir: str) -> Optional[str]:
    """Node's require.resolve for relative/absolute paths and node_modules packages."""
    if spec.startswith(("./", "../", "/")) or spec in (".", ".."):
        return _resolve_path(os.path.normpath(os.path.join(from_dir, spec)))
    d = from_dir
    while True:
        if os.path.basename(d) != "node_modules":
            hit = _resolve_path(os.path.join(d, "node_modules", spec))
            if hit is not None:
                return hit
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def _resolve_path(p: str) -> Optional[str]:
    for cand in (p, p + ".js", p + ".json"):
        if _is_file(cand):
            return cand
    if os.path.isdir(p):
        pkg = os.path.join(p, "package.json")
        if _is_file(pkg):
            try:
                main = json.load(open(pkg, encoding="utf-8")).get("main")
            except (OSError, ValueError):
                main = None
            if isinstance(main, str) and main:
                hit = _resolve_path(os.path.normpath(os.path.join(p, main)))
                if hit is not None:
                    return hit
        idx = os.path.join(p, "index.js")
        if _is_file(idx):
            return idx
        idx = os.path.join(p, "index.json")
        if _is_file(idx):
            return idx
    return None


def make_require(realm: Any, from_dir: str) -> NativeFunction:
    def require(realm: Any, this: Any, args: list) -> Any:
        spec = realm.to_string(args[0]) if args else "undefined"
        if is_node_builtin(spec):
            raise Unsupported(f"require('{spec}'): Node's built-in modules are not modelled", *caller_site(realm))
        path = resolve(spec, from_dir)
        if path is None:
            err = realm.make_error("Error", f"Cannot find module '{spec}'")
            err.props["code"] = "MODULE_NOT_FOUND"
            raise JSThrow(err)
        return load_module(realm, path).props["exports"] if path not in realm.modules else \
            realm.get(realm.modules[path], "exports")

    f = NativeFunction(realm, "require", require, 1)
    return f


def load_module(realm: Any, path: str) -> JSObject:
    """Load (once) and run a module file; returns its ``module`` object."""
    cached = realm.modules.get(path)
    if cached is not None:
        return cached
    module = realm.new_object()
    module.class_name = "Module"
    exports = realm.new_object()
    module.props["id"] = path if path != realm.main_filename else "."
    module.props["path"] = os.path.dirname(path)
    module.props["exports"] = exports
    module.props["filename"] = path
    module.props["loaded"] = False
    realm.modules[path] = module
    with open(path, encoding="utf-8") as fh:
        source = fh.read()
    if path.endswith(".json"):
        parse = realm.get(realm.get(realm.global_obj, "JSON"), "parse")
        module.props["exports"] = realm.call(parse, UNDEFINED, [source])
        module.props["loaded"] = True
        return module
    if source.startswith("#!"):
        source = "//" + source[2:]
    # a file loaded again (after its first load threw) keeps its first parse: one file, one set
    # of site ids, so what the recorder saw of both loads describes the same code
    program = realm.module_programs.get(path)
    if program is None or program.source != source:
        program = realm.module_programs[path] = realm.parse(source, path)
    cp = realm.compiled(program, repl=False)
    require = make_require(realm, os.path.dirname(path))
    require.props["main"] = realm.modules.get(realm.main_filename, UNDEFINED)
    try:
        cp.run_module(exports, [exports, require, module, path, os.path.dirname(path)])
    except BaseException:
        del realm.modules[path]  # as Node: a module that failed to load is loaded again next time
        raise
    module.props["loaded"] = True
    return module


def run_main_module(realm: Any, path: str) -> Any:
    load_module(realm, path)
    return UNDEFINED


def make_process(realm: Any) -> JSObject:
    """The ``process`` global: argv, env (a copy), exit, version, platform, stdout/stderr."""
    from ..values import Accessor

    p = realm.new_object()
    p.class_name = "process"

    def argv_get(realm: Any, this: Any, args: list) -> Any:
        main = realm.main_filename if realm.main_filename != "<repl>" else None
        items = ["node"] + ([main] if main else []) + list(realm.argv)
        return realm.new_array(items)

    p.props["argv"] = Accessor(NativeFunction(realm, "get argv", argv_get), None)
    env = realm.new_object()
    for k, v in os.environ.items():
        env.props[k] = v
    env.frozen = True
    env.extensible = False
    p.props["env"] = env
    from .realm import NODE_VERSION

    p.props["version"] = NODE_VERSION
    p.props["platform"] = "linux"
    exit_code = [UNDEFINED]  # behind an accessor: Node validates what is stored

    def exit_code_get(realm: Any, this: Any, args: list) -> Any:
        return exit_code[0]

    def exit_code_set(realm: Any, this: Any, args: list) -> Any:
        exit_code[0] = validate_exit_code(realm, args[0] if args else UNDEFINED)
        return UNDEFINED

    p.props["exitCode"] = Accessor(NativeFunction(realm, "get exitCode", exit_code_get),
                                   NativeFunction(realm, "set exitCode", exit_code_set, 1))

    def exit_(realm: Any, this: Any, args: list) -> Any:
        code = validate_exit_code(realm, args[0]) if args else exit_code[0]
        raise ProcessExit(exit_status(realm, code))

    realm.define_native(p, "exit", exit_, 1)

    def cwd(realm: Any, this: Any, args: list) -> Any:
        return os.getcwd()

    realm.define_native(p, "cwd", cwd, 0)
    for name in ("stdout", "stderr"):
        stream = realm.new_object()
        sink = realm.stdout if name == "stdout" else realm.stderr

        def write(realm: Any, this: Any, args: list, _name: str = name) -> Any:
            from ..values import from_js_string

            out = realm.stdout if _name == "stdout" else realm.stderr
            out(from_js_string(realm.to_string(args[0] if args else UNDEFINED)))
            return True

        realm.define_native(stream, "write", write, 1)
        p.props[name] = stream
        del sink
    return p
