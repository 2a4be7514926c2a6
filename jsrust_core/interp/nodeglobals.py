"""The own property names of Node 20's global object in a CommonJS script (from
``Object.getOwnPropertyNames(globalThis)``; the runtime's ``NODE_GLOBAL_NAMES`` is the same list).

Why the interpreter needs it: reading a global it does not define is a ``ReferenceError`` only
when Node lacks the name too; for a name Node has (``setTimeout``, ``Intl``) that error would be
a wrong answer, so the run stops as Unsupported instead.
"""
from __future__ import annotations

NODE_GLOBAL_NAMES = frozenset((
    "AbortController", "AbortSignal", "AggregateError", "Array", "ArrayBuffer", "Atomics", "BigInt",
    "BigInt64Array", "BigUint64Array", "Blob", "Boolean", "BroadcastChannel", "Buffer",
    "ByteLengthQueuingStrategy", "CompressionStream", "CountQueuingStrategy", "Crypto", "CryptoKey",
    "CustomEvent", "DOMException", "DataView", "Date", "DecompressionStream", "Error", "EvalError", "Event",
    "EventTarget", "File", "FinalizationRegistry", "Float32Array", "Float64Array", "FormData", "Function",
    "Headers", "Infinity", "Int16Array", "Int32Array", "Int8Array", "Intl", "JSON", "Map", "Math",
    "MessageChannel", "MessageEvent", "MessagePort", "NaN", "Number", "Object", "Performance",
    "PerformanceEntry", "PerformanceMark", "PerformanceMeasure", "PerformanceObserver",
    "PerformanceObserverEntryList", "PerformanceResourceTiming", "Promise", "Proxy", "RangeError",
    "ReadableByteStreamController", "ReadableStream", "ReadableStreamBYOBReader", "ReadableStreamBYOBRequest",
    "ReadableStreamDefaultController", "ReadableStreamDefaultReader", "ReferenceError", "Reflect", "RegExp",
    "Request", "Response", "Set", "SharedArrayBuffer", "String", "SubtleCrypto", "Symbol", "SyntaxError",
    "TextDecoder", "TextDecoderStream", "TextEncoder", "TextEncoderStream", "TransformStream",
    "TransformStreamDefaultController", "TypeError", "URIError", "URL", "URLSearchParams", "Uint16Array",
    "Uint32Array", "Uint8Array", "Uint8ClampedArray", "WeakMap", "WeakRef", "WeakSet", "WebAssembly",
    "WritableStream", "WritableStreamDefaultController", "WritableStreamDefaultWriter", "atob", "btoa",
    "clearImmediate", "clearInterval", "clearTimeout", "console", "crypto", "decodeURI", "decodeURIComponent",
    "encodeURI", "encodeURIComponent", "escape", "eval", "fetch", "global", "globalThis", "isFinite", "isNaN",
    "parseFloat", "parseInt", "performance", "process", "queueMicrotask", "setImmediate", "setInterval",
    "setTimeout", "structuredClone", "undefined", "unescape",
))

#: ``typeof`` of the Node globals that are not functions (every other name above is one), so
#: ``typeof setTimeout`` answers as Node does even where the interpreter lacks the global itself.
NODE_GLOBAL_TYPES = {
    **{name: "object" for name in ("Atomics", "Intl", "JSON", "Math", "Reflect", "WebAssembly", "console",
                                   "crypto", "global", "globalThis", "performance", "process")},
    "Infinity": "number", "NaN": "number", "undefined": "undefined",
}
