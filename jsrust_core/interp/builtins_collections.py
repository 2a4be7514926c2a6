"""``Map`` and ``Set``.

``JSMap.data`` / ``JSSet.data`` are Python dicts keyed by ``values.map_key`` (the
SameValueZero normalisation), so insertion order, ``-0 → +0`` and NaN-equals-NaN
come from the dict itself. Iterators walk a snapshot of the keys but re-check
membership, so entries deleted during iteration are skipped and entries added
during iteration are visited, as the spec requires of live iteration.
"""
from __future__ import annotations

from typing import Any, Iterator

from ..values import NULL, SYMBOL_ITERATOR, UNDEFINED, Accessor, JSMap, JSObject, JSSet, map_key
from .builtins_common import TO_STRING_TAG, arg, describe, iterate_checked, make_iterator, require_callable
from .functions import NativeFunction


def _map(realm: Any, this: Any, method: str) -> JSMap:
    if type(this) is JSMap or isinstance(this, JSMap):
        return this
    raise realm.type_error(f"Method Map.prototype.{method} called on incompatible receiver {describe(realm, this)}")


def _set(realm: Any, this: Any, method: str) -> JSSet:
    if type(this) is JSSet or isinstance(this, JSSet):
        return this
    raise realm.type_error(f"Method Set.prototype.{method} called on incompatible receiver {describe(realm, this)}")


def _norm(v: Any) -> Any:
    """-0 is stored as +0 (``new Map([[-0, 1]]).keys()`` yields 0)."""
    return 0.0 if type(v) is float and v == 0.0 else v


def _live(data: dict) -> Iterator[Any]:
    """Keys of ``data`` in order, as a live JS iteration sees them: a key deleted
    before it is reached is skipped, a key added meanwhile is visited. New keys go
    to the dict's end, so one check of the last key tells whether another pass is
    needed. (A key deleted and re-added after it was visited is not revisited.)"""
    done: set = set()
    while data:
        for k in list(data):
            if k not in done and k in data:
                done.add(k)
                yield k
        if not data or next(reversed(data)) in done:
            return


# --- Map --------------------------------------------------------------------------

def map_get(realm: Any, this: Any, args: list) -> Any:
    entry = _map(realm, this, "get").data.get(map_key(args[0] if args else UNDEFINED))
    return UNDEFINED if entry is None else entry[1]


def map_set(realm: Any, this: Any, args: list) -> JSMap:
    m = _map(realm, this, "set")
    key = arg(args, 0)
    k = map_key(key)
    entry = m.data.get(k)
    if entry is None:
        m.data[k] = (_norm(key), arg(args, 1))
    else:
        m.data[k] = (entry[0], arg(args, 1))
    return m


def map_has(realm: Any, this: Any, args: list) -> bool:
    return map_key(arg(args, 0)) in _map(realm, this, "has").data


def map_delete(realm: Any, this: Any, args: list) -> bool:
    return _map(realm, this, "delete").data.pop(map_key(arg(args, 0)), None) is not None


def map_clear(realm: Any, this: Any, args: list) -> Any:
    _map(realm, this, "clear").data.clear()
    return UNDEFINED


def map_size(realm: Any, this: Any, args: list) -> float:
    return float(len(_map(realm, this, "size").data))


def map_for_each(realm: Any, this: Any, args: list) -> Any:
    m = _map(realm, this, "forEach")
    call = require_callable(realm, arg(args, 0)).call
    this_arg = arg(args, 1)
    data = m.data
    for k in _live(data):
        key, value = data[k]
        call(this_arg, [value, key, m])
    return UNDEFINED


def _map_entries(realm: Any, data: dict, kind: int) -> Iterator[Any]:
    """kind 0: keys, 1: values, 2: [key, value] arrays."""
    for k in _live(data):
        entry = data.get(k)
        if entry is None:
            continue
        yield entry[kind] if kind < 2 else realm.new_array([entry[0], entry[1]])


def map_keys(realm: Any, this: Any, args: list) -> JSObject:
    return make_iterator(realm, _map_entries(realm, _map(realm, this, "keys").data, 0), "Map Iterator")


def map_values(realm: Any, this: Any, args: list) -> JSObject:
    return make_iterator(realm, _map_entries(realm, _map(realm, this, "values").data, 1), "Map Iterator")


def map_entries(realm: Any, this: Any, args: list) -> JSObject:
    return make_iterator(realm, _map_entries(realm, _map(realm, this, "entries").data, 2), "Map Iterator")


def new_map(realm: Any, iterable: Any) -> JSMap:
    """``new Map(iterable)``: each item must be an object; its [0] and [1] are used."""
    m = JSMap(realm.map_proto)
    if iterable is UNDEFINED or iterable is NULL:
        return m
    data = m.data
    for item in iterate_checked(realm, iterable):
        if not isinstance(item, JSObject):
            raise realm.type_error(f"Iterator value {describe(realm, item)} is not an entry object")
        elems = getattr(item, "elems", None)
        if elems is not None and len(elems) >= 2:
            key, value = elems[0], elems[1]
        else:
            key, value = realm.get(item, "0"), realm.get(item, "1")
        k = map_key(key)
        entry = data.get(k)
        data[k] = (_norm(key) if entry is None else entry[0], value)
    return m


# --- Set --------------------------------------------------------------------------

def set_add(realm: Any, this: Any, args: list) -> JSSet:
    s = _set(realm, this, "add")
    v = arg(args, 0)
    k = map_key(v)
    if k not in s.data:
        s.data[k] = _norm(v)
    return s


def set_has(realm: Any, this: Any, args: list) -> bool:
    return map_key(arg(args, 0)) in _set(realm, this, "has").data


def set_delete(realm: Any, this: Any, args: list) -> bool:
    data = _set(realm, this, "delete").data
    k = map_key(arg(args, 0))
    if k in data:
        del data[k]
        return True
    return False


def set_clear(realm: Any, this: Any, args: list) -> Any:
    _set(realm, this, "clear").data.clear()
    return UNDEFINED


def set_size(realm: Any, this: Any, args: list) -> float:
    return float(len(_set(realm, this, "size").data))


def set_for_each(realm: Any, this: Any, args: list) -> Any:
    s = _set(realm, this, "forEach")
    call = require_callable(realm, arg(args, 0)).call
    this_arg = arg(args, 1)
    data = s.data
    for k in _live(data):
        v = data[k]
        call(this_arg, [v, v, s])
    return UNDEFINED


def _set_items(realm: Any, data: dict, pairs: bool) -> Iterator[Any]:
    for k in _live(data):
        if k in data:
            v = data[k]
            yield realm.new_array([v, v]) if pairs else v


def set_values(realm: Any, this: Any, args: list) -> JSObject:
    return make_iterator(realm, _set_items(realm, _set(realm, this, "values").data, False), "Set Iterator")


def set_entries(realm: Any, this: Any, args: list) -> JSObject:
    return make_iterator(realm, _set_items(realm, _set(realm, this, "entries").data, True), "Set Iterator")


def new_set(realm: Any, iterable: Any) -> JSSet:
    """``new Set(iterable)``."""
    s = JSSet(realm.set_proto)
    if iterable is UNDEFINED or iterable is NULL:
        return s
    data = s.data
    for v in iterate_checked(realm, iterable):
        k = map_key(v)
        if k not in data:
            data[k] = _norm(v)
    return s


MAP_METHODS = {
    "get": (map_get, 1), "set": (map_set, 2), "has": (map_has, 1), "delete": (map_delete, 1),
    "clear": (map_clear, 0), "forEach": (map_for_each, 1), "keys": (map_keys, 0),
    "values": (map_values, 0), "entries": (map_entries, 0),
}

SET_METHODS = {
    "add": (set_add, 1), "has": (set_has, 1), "delete": (set_delete, 1), "clear": (set_clear, 0),
    "forEach": (set_for_each, 1), "values": (set_values, 0), "entries": (set_entries, 0),
}


def _requires_new(name: str):
    def impl(realm: Any, this: Any, args: list) -> Any:
        raise realm.type_error(f"Constructor {name} requires 'new'")
    return impl


def _construct_map(realm: Any, args: list, new_target: Any) -> JSMap:
    m = new_map(realm, arg(args, 0))
    proto = realm.get(new_target, "prototype")
    if isinstance(proto, JSObject):
        m.proto = proto
    return m


def _construct_set(realm: Any, args: list, new_target: Any) -> JSSet:
    s = new_set(realm, arg(args, 0))
    proto = realm.get(new_target, "prototype")
    if isinstance(proto, JSObject):
        s.proto = proto
    return s


def _size_accessor(realm: Any, impl: Any) -> Accessor:
    """``size`` is a getter on the prototype, not an own property (as in V8)."""
    return Accessor(NativeFunction(realm, "get size", impl, 0), None, enumerable=False)


def install(realm: Any) -> None:
    """Add the ``Map`` and ``Set`` constructors and prototypes to ``realm``."""
    mp = realm.map_proto
    for name, (impl, length) in MAP_METHODS.items():
        realm.define_native(mp, name, impl, length)
    mp.set_hidden(SYMBOL_ITERATOR, mp.props["entries"])
    mp.set_hidden("size", _size_accessor(realm, map_size))
    mp.set_hidden(TO_STRING_TAG, "Map")
    realm.native_constructor("Map", _requires_new("Map"), 0, mp, ctor=_construct_map)

    sp = realm.set_proto
    for name, (impl, length) in SET_METHODS.items():
        realm.define_native(sp, name, impl, length)
    sp.set_hidden("keys", sp.props["values"])
    sp.set_hidden(SYMBOL_ITERATOR, sp.props["values"])
    sp.set_hidden("size", _size_accessor(realm, set_size))
    sp.set_hidden(TO_STRING_TAG, "Set")
    realm.native_constructor("Set", _requires_new("Set"), 0, sp, ctor=_construct_set)
