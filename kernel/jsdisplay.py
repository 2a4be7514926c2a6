"""The ``display`` global a cell's JavaScript uses to show rich output.

``display.html(s)``, ``display.svg(s)``, ``display.markdown(s)`` and ``display.json(v)``
publish a ``display_data`` bundle as soon as they are called, so they interleave with
``console.log`` output in program order; ``display.clear(wait)`` clears the cell's
output (``wait``: only when the next output arrives, for flicker-free animation). They are native functions installed in the
session's realm: the interpreter needs no knowledge of Jupyter.
"""
from __future__ import annotations

import json
from typing import Any, Callable

from jsrust_core.values import UNDEFINED, JSObject, from_js_string

#: method name -> MIME type of the text argument
TEXT_KINDS = {"html": "text/html", "svg": "image/svg+xml", "markdown": "text/markdown"}

Publish = Callable[[dict], None]
Clear = Callable[[bool], None]


def install_display(realm: Any, publish: Publish, clear: Clear) -> JSObject:
    """Create ``display`` in ``realm`` (a global property); ``publish(bundle)`` sends a
    bundle, ``clear(wait)`` clears the output."""
    obj = JSObject(realm.object_proto)
    for kind, mime in TEXT_KINDS.items():
        realm.define_native(obj, kind, _text_display(mime, publish), 1)
    realm.define_native(obj, "json", _json_display(publish), 1)

    def clear_impl(realm: Any, this: Any, args: list) -> Any:
        clear(bool(args) and realm.truthy(args[0]))
        return UNDEFINED

    realm.define_native(obj, "clear", clear_impl, 0)
    realm.global_obj.props["display"] = obj
    return obj


def _text_display(mime: str, publish: Publish) -> Callable:
    def impl(realm: Any, this: Any, args: list) -> Any:
        text = from_js_string(realm.to_string(args[0] if args else UNDEFINED))
        publish({mime: text, "text/plain": f"<{mime} output>"})
        return UNDEFINED

    return impl


def _json_display(publish: Publish) -> Callable:
    def impl(realm: Any, this: Any, args: list) -> Any:
        stringify = realm.global_obj.props["JSON"].props["stringify"]
        text = realm.call(stringify, UNDEFINED, [args[0] if args else UNDEFINED])
        if text is UNDEFINED:
            raise realm.type_error("display.json: the value has no JSON form")
        data = json.loads(from_js_string(text))
        publish({"application/json": data, "text/plain": json.dumps(data, indent=2)})
        return UNDEFINED

    return impl
