#!/usr/bin/python3
"""Check golden vectors of EelsLive wire protocol v1 with Python's msgpack.

    /usr/bin/python3 protocols/python/check_golden.py [DIR ...]

DIR defaults to protocols/golden. Every NAME.json in DIR names a payload file
and either the values a conforming decoder must report ("valid": true,
"expected": {...}) or the rejection kind it must report ("valid": false,
"rejection": "..."). This script decodes each payload with a small reference
validator written from wire-protocol-v1.md and compares. It prints one line
per failure and finally "N passed, N failed"; the exit code is 0 when nothing
failed and 1 otherwise (2 when a needed package is missing).

The C# test suite uses it to prove that payloads written by the C# encoder
decode in Python.
"""

import glob
import json
import math
import os
import sys

try:
    import msgpack
    import numpy as np
except ImportError as exc:  # pragma: no cover
    print(f"missing Python package ({exc}); on Debian/Ubuntu: apt-get install python3-msgpack python3-numpy",
          file=sys.stderr)
    sys.exit(2)

TOPICS = ("eels.start", "eels.frame", "eels.end")
DTYPES = {"f32": "<f4", "f64": "<f8", "u16": "<u2", "u32": "<u4"}
REASONS = ("completed", "aborted", "error")
MAX_PAYLOAD_BYTES = 16 * 1024 * 1024
MAX_CHANNELS = 65536
MAX_STRING_BYTES = 4096
MAX_KEYS = 256


class Rejected(Exception):
    def __init__(self, kind, detail):
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


def _is_int(x):
    return isinstance(x, int) and not isinstance(x, bool)


def _is_num(x):
    return (isinstance(x, (int, float))) and not isinstance(x, bool)


def _get(d, key, kind, required):
    """Read key of kind 'int' | 'num' | 'str'; nil means absent."""
    x = d.get(key)
    if x is None:
        if required:
            raise Rejected("MissingKey", f"required key '{key}' is missing")
        return None
    ok = {"int": _is_int, "num": _is_num, "str": lambda y: isinstance(y, str)}[kind](x)
    if not ok:
        raise Rejected("WrongType", f"key '{key}' must be {kind}, got {type(x).__name__}")
    if kind == "str" and len(x.encode("utf-8")) > MAX_STRING_BYTES:
        raise Rejected("TooLarge", f"key '{key}' is longer than {MAX_STRING_BYTES} bytes")
    if kind == "num" and not math.isfinite(x):
        raise Rejected("InvalidValue", f"key '{key}' must be finite")
    return x


def _positive(d, key, value, allow_zero=False):
    if value is not None and (value < 0 or (value == 0 and not allow_zero)):
        raise Rejected("InvalidValue", f"key '{key}' must be {'>= 0' if allow_zero else '> 0'}, got {value}")


def _axis(d, out):
    ch = _get(d, "channels", "int", True)
    if ch <= 0:
        raise Rejected("InvalidValue", "key 'channels' must be > 0")
    if ch > MAX_CHANNELS:
        raise Rejected("TooLarge", f"channels {ch} exceeds {MAX_CHANNELS}")
    out["channels"] = ch
    out["offset_ev"] = _get(d, "offset_ev", "num", True)
    out["dispersion_ev"] = _get(d, "dispersion_ev", "num", True)
    _positive(d, "dispersion_ev", out["dispersion_ev"])


def decode(topic, payload):
    """Decode and validate one message; returns a dict like a golden 'expected', raises Rejected."""
    if topic not in TOPICS:
        raise Rejected("UnknownTopic", f"unknown topic {topic!r}")
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise Rejected("TooLarge", "payload exceeds 16 MiB")
    try:
        d = msgpack.unpackb(payload, raw=False, strict_map_key=False)
    except Exception as exc:  # truncated, trailing bytes, invalid codes, bad UTF-8
        raise Rejected("NotMessagePack", f"payload is not valid MessagePack: {exc}")
    if not isinstance(d, dict) or not all(isinstance(k, str) for k in d):
        raise Rejected("NotAMap", "payload must be a map with string keys")
    if len(d) > MAX_KEYS:
        raise Rejected("TooLarge", f"more than {MAX_KEYS} keys")

    v = _get(d, "v", "int", True)
    if v != 1:
        raise Rejected("UnsupportedVersion", f"protocol version v = {v} is not supported")
    out = {"series_id": _get(d, "series_id", "str", True)}
    if out["series_id"] == "":
        raise Rejected("InvalidValue", "series_id must not be empty")

    if topic == "eels.frame":
        out["seq"] = _get(d, "seq", "int", True)
        if out["seq"] < 0:
            raise Rejected("InvalidValue", "seq must be >= 0")
        out["t"] = _get(d, "t", "num", True)
        out["exposure_s"] = _get(d, "exposure_s", "num", True)
        _positive(d, "exposure_s", out["exposure_s"])
        _axis(d, out)
        counts = d.get("counts")
        if counts is None:
            raise Rejected("MissingKey", "required key 'counts' is missing")
        dtype = _get(d, "dtype", "str", False)
        if dtype is not None and dtype not in DTYPES:
            raise Rejected("InvalidValue", f"dtype {dtype!r} is not one of f32, f64, u16, u32")
        if isinstance(counts, (bytes, bytearray)):
            dtype = dtype or "f32"
            size = np.dtype(DTYPES[dtype]).itemsize
            if len(counts) != out["channels"] * size:
                raise Rejected("ChannelMismatch", f"channels = {out['channels']} of {dtype} needs "
                               f"{out['channels'] * size} bytes, counts holds {len(counts)}")
            values = np.frombuffer(counts, dtype=DTYPES[dtype]).astype(np.float64)
            out["counts_encoding"] = "bin"
            out["dtype"] = dtype
        elif isinstance(counts, list):
            if not all(_is_num(x) for x in counts):
                raise Rejected("WrongType", "counts array must hold numbers")
            if len(counts) != out["channels"]:
                raise Rejected("ChannelMismatch", f"channels = {out['channels']} but counts holds {len(counts)} values")
            values = np.asarray(counts, dtype=np.float64)
            out["counts_encoding"] = "array"
        else:
            raise Rejected("WrongType", "counts must be bin or an array of numbers")
        if not np.all(np.isfinite(values)):
            raise Rejected("NonFiniteCounts", f"counts[{int(np.argmin(np.isfinite(values)))}] is not finite")
        out["counts"] = [float(x) for x in values]
        for key, allow_zero in (("dose_e_a2", True), ("beam_current_pa", True),
                                ("illuminated_area_a2", False), ("cumulative_dose_e_a2", True)):
            x = _get(d, key, "num", False)
            _positive(d, key, x, allow_zero)
            if x is not None:
                out[key] = x
    elif topic == "eels.start":
        out["t"] = _get(d, "t", "num", True)
        out["beam_energy_kv"] = _get(d, "beam_energy_kv", "num", True)
        _positive(d, "beam_energy_kv", out["beam_energy_kv"])
        _axis(d, out)
        for key in ("sample", "detector"):
            x = _get(d, key, "str", False)
            if x is not None:
                out[key] = x
        for key, allow_zero in (("illuminated_area_a2", False), ("beam_current_pa", True)):
            x = _get(d, key, "num", False)
            _positive(d, key, x, allow_zero)
            if x is not None:
                out[key] = x
        meta = d.get("meta")
        if meta is not None:
            if not isinstance(meta, dict):
                raise Rejected("WrongType", "meta must be a map")
            out["meta"] = meta
    else:
        out["frames"] = _get(d, "frames", "int", True)
        if out["frames"] < 0:
            raise Rejected("InvalidValue", "frames must be >= 0")
        out["t"] = _get(d, "t", "num", True)
        out["reason"] = _get(d, "reason", "str", True)
        if out["reason"] not in REASONS:
            raise Rejected("InvalidValue", f"reason {out['reason']!r} is not one of completed, aborted, error")
    return out


def _same(a, b, path):
    """Compare decoded value a with expected b; numbers compare exactly as floats."""
    if isinstance(b, dict):
        if not isinstance(a, dict):
            return f"{path}: expected a map, got {a!r}"
        for k in b:
            if k not in a:
                return f"{path}.{k}: missing"
            msg = _same(a[k], b[k], f"{path}.{k}")
            if msg:
                return msg
        extra = set(a) - set(b)
        if extra:
            return f"{path}: unexpected keys {sorted(extra)}"
        return None
    if isinstance(b, list):
        if not isinstance(a, (list, tuple)) or len(a) != len(b):
            return f"{path}: expected {len(b)} items, got {a!r}"
        for i, (x, y) in enumerate(zip(a, b)):
            msg = _same(x, y, f"{path}[{i}]")
            if msg:
                return msg
        return None
    if _is_num(b) and _is_num(a):
        return None if float(a) == float(b) else f"{path}: expected {b!r}, got {a!r}"
    return None if a == b and type(a) is type(b) else f"{path}: expected {b!r}, got {a!r}"


def check_file(json_path):
    """Returns None when the vector checks out, else a message."""
    with open(json_path, encoding="utf-8") as fh:
        doc = json.load(fh)
    payload_path = os.path.join(os.path.dirname(json_path), doc["payload_file"])
    with open(payload_path, "rb") as fh:
        payload = fh.read()
    try:
        got = decode(doc["topic"], payload)
    except Rejected as rej:
        if doc["valid"]:
            return f"expected valid, rejected with {rej}"
        if rej.kind != doc["rejection"]:
            return f"expected rejection {doc['rejection']}, got {rej}"
        return None
    if not doc["valid"]:
        return f"expected rejection {doc['rejection']}, but it decoded"
    expected = {k: val for k, val in doc["expected"].items() if not k.startswith("derived_")}
    return _same(got, expected, doc["name"])


def main(argv):
    dirs = argv[1:] or [os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden")]
    passed = failed = 0
    for d in dirs:
        files = sorted(glob.glob(os.path.join(d, "*.json")))
        if not files:
            print(f"no *.json vectors in {d}")
            failed += 1
        for path in files:
            try:
                msg = check_file(path)
            except Exception as exc:  # a broken vector file is a failure, not a crash
                msg = f"could not check: {type(exc).__name__}: {exc}"
            if msg:
                failed += 1
                print(f"FAIL {os.path.basename(path)}: {msg}")
            else:
                passed += 1
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
