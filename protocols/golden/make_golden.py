#!/usr/bin/python3
"""Generate the golden test vectors of EelsLive wire protocol v1.

Run with Debian's interpreter (python3-msgpack, python3-numpy):

    /usr/bin/python3 protocols/golden/make_golden.py

Deterministic: every run writes byte-identical files (no clocks, no random
numbers; dict insertion order fixes the MessagePack key order). For each
vector NAME it writes

    NAME.msgpack   the raw payload bytes (the second ZeroMQ frame)
    NAME.json      {"name", "topic", "description", "payload_file", "valid",
                    and either "expected" (decoded values; counts as a list of
                    numbers) or "rejection" (the RejectionKind a consumer reports)}

Values are chosen so that every expected number is exact in JSON (Python's
float repr round-trips; f32 counts are listed as the float32 value widened to
float64).
"""

import json
import math
import os
import sys

import msgpack
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ELEMENTARY_CHARGE_C = 1.602176634e-19

SERIES = "golden-0001"
T0 = 1767225600.25  # 2026-01-01T00:00:00.25Z, exact in binary
AXIS = {"channels": 8, "offset_ev": 280.0, "dispersion_ev": 0.25}

DTYPES = {"f32": "<f4", "f64": "<f8", "u16": "<u2", "u32": "<u4"}


def pack(obj):
    # use_bin_type=True: bytes -> MessagePack bin, str -> str (msgpack >= 1.0 default).
    return msgpack.packb(obj, use_bin_type=True)


def frame(seq, counts, dtype="f32", write_dtype=None, **extra):
    """A valid frame payload dict with bin counts of `dtype`."""
    arr = np.asarray(counts, dtype=DTYPES[dtype])
    d = {
        "v": 1,
        "series_id": SERIES,
        "seq": seq,
        "t": T0 + 0.5 * seq,
        "exposure_s": 0.5,
        "channels": int(arr.size),
        "offset_ev": AXIS["offset_ev"],
        "dispersion_ev": AXIS["dispersion_ev"],
        "counts": arr.tobytes(),
    }
    if write_dtype if write_dtype is not None else dtype != "f32":
        d["dtype"] = dtype
    d.update(extra)
    return d


def expected_frame(d):
    """What a conforming decoder reports for a valid frame dict."""
    out = {}
    for key in ("series_id", "seq", "t", "exposure_s", "channels", "offset_ev", "dispersion_ev"):
        out[key] = d[key]
    counts = d["counts"]
    if isinstance(counts, (bytes, bytearray)):
        dtype = d.get("dtype") or "f32"
        out["counts_encoding"] = "bin"
        out["dtype"] = dtype
        out["counts"] = [float(x) if dtype.startswith("f") else int(x)
                         for x in np.frombuffer(counts, dtype=DTYPES[dtype])]
    else:
        out["counts_encoding"] = "array"
        out["counts"] = list(counts)
    for key in ("dose_e_a2", "beam_current_pa", "illuminated_area_a2", "cumulative_dose_e_a2"):
        if d.get(key) is not None:
            out[key] = d[key]
    return out


SPECTRUM = [1000.0, 1200.5, 980.25, 0.1, 0.0, 65535.0, 3.0, 17.75]  # 0.1 is not exact in f32 on purpose
INT_SPECTRUM = [0, 1, 2, 1000, 4095, 65535, 12, 7]


def vectors():
    v = []

    start = {
        "v": 1,
        "series_id": SERIES,
        "t": T0,
        "beam_energy_kv": 200.0,
        "channels": AXIS["channels"],
        "offset_ev": AXIS["offset_ev"],
        "dispersion_ev": AXIS["dispersion_ev"],
        "sample": "BN flake, 20 nm",
        "detector": "simulated 8-channel",
        "illuminated_area_a2": 1.0e6,
        "beam_current_pa": 50.0,
        "meta": {"operator": "golden", "convergence_mrad": 10.5, "binning": 2,
                 "tags": ["in-situ", "B-K"], "stage": {"tilt_deg": -3.5, "heating": True}},
    }
    exp = {k: start[k] for k in ("series_id", "t", "beam_energy_kv", "channels", "offset_ev",
                                 "dispersion_ev", "sample", "detector", "illuminated_area_a2",
                                 "beam_current_pa", "meta")}
    v.append(("start_meta", "eels.start", "eels.start with every optional key, including a nested meta map", start, exp))

    f = frame(0, SPECTRUM, "f32", dose_e_a2=12.5)
    v.append(("frame_f32_bin", "eels.frame", "f32 bin counts (dtype key absent: f32 is the default)", f, expected_frame(f)))

    f = frame(1, SPECTRUM, "f32", write_dtype=True, dose_e_a2=12.5)
    v.append(("frame_f32_bin_explicit_dtype", "eels.frame", "f32 bin counts with dtype written out", f, expected_frame(f)))

    f = frame(2, [1000.0, 1200.5, 980.25, 0.1, -2.5, 1e300, 3.0, 17.75], "f64", dose_e_a2=12.5)
    v.append(("frame_f64_bin", "eels.frame", "f64 bin counts", f, expected_frame(f)))

    f = frame(3, INT_SPECTRUM, "u16", dose_e_a2=12.5)
    v.append(("frame_u16_bin", "eels.frame", "u16 bin counts", f, expected_frame(f)))

    f = frame(4, [0, 1, 70000, 4294967295, 5, 6, 7, 8], "u32", dose_e_a2=12.5)
    v.append(("frame_u32_bin", "eels.frame", "u32 bin counts, including 2^32-1", f, expected_frame(f)))

    f = frame(5, SPECTRUM, dose_e_a2=12.5)
    f["counts"] = [1000, 1200.5, 980.25, -3, 0, 65536, 3.0, 17]
    v.append(("frame_array_counts", "eels.frame", "counts as a MessagePack array mixing ints and floats", f, expected_frame(f)))

    f = frame(6, SPECTRUM, beam_current_pa=50.0, illuminated_area_a2=1.0e6)
    e = expected_frame(f)
    e["derived_frame_dose_e_a2"] = 50.0e-12 * 0.5 / (ELEMENTARY_CHARGE_C * 1.0e6)
    v.append(("frame_beam_current", "eels.frame", "dose from beam_current_pa and illuminated_area_a2 (no dose_e_a2)", f, e))

    f = frame(7, SPECTRUM, dose_e_a2=12.5, cumulative_dose_e_a2=100.0)
    v.append(("frame_cumulative_dose", "eels.frame", "dose_e_a2 with the source's authoritative cumulative_dose_e_a2", f, expected_frame(f)))

    f = frame(8, SPECTRUM)
    f["dtype"] = None
    f["dose_e_a2"] = None
    f["x_vendor"] = {"gain": [1, 2.5, "x", None, {"deep": [[[]]]}], "raw": b"\x00\x01"}
    f["cumulative_dose_e_a2"] = 12.5
    e = expected_frame(f)
    e["dtype"] = "f32"
    v.append(("frame_unknown_and_nil_keys", "eels.frame",
              "unknown keys are ignored; nil for an optional key (dtype, dose_e_a2) means absent", f, e))

    f = frame(9, SPECTRUM)
    v.append(("frame_no_dose", "eels.frame",
              "no dose keys: the decoder accepts it (the consumer may have a configured dose rate)", f, expected_frame(f)))

    tiny = {"v": 1, "series_id": "a", "seq": 0, "t": 1767225600.5, "exposure_s": 0.5, "channels": 2,
            "offset_ev": 280.0, "dispersion_ev": 0.25, "counts": np.array([1.0, 2.5], "<f4").tobytes(),
            "dose_e_a2": 12.5}
    v.append(("frame_tiny_example", "eels.frame",
              "the 140-byte frame dissected byte by byte in wire-protocol-v1.md", tiny, expected_frame(tiny)))

    end = {"v": 1, "series_id": SERIES, "frames": 10, "t": T0 + 5.0, "reason": "completed"}
    v.append(("end_completed", "eels.end", "eels.end after a completed series", end,
              {k: end[k] for k in ("series_id", "frames", "t", "reason")}))

    # ---- invalid vectors: exactly one defect each ----
    def bad(name, topic, description, payload, kind):
        v.append((name, topic, description, payload, kind))

    f = frame(0, SPECTRUM, dose_e_a2=1.0); f["v"] = 2
    bad("invalid_v2", "eels.frame", "v = 2 is not supported by a v1 consumer", f, "UnsupportedVersion")

    f = frame(0, SPECTRUM, dose_e_a2=1.0); f["channels"] = 9
    bad("invalid_channel_mismatch", "eels.frame", "channels = 9 but the f32 bin holds 8 values (32 bytes)", f, "ChannelMismatch")

    f = frame(0, SPECTRUM, dose_e_a2=1.0); f["counts"] = [1.0, 2.0, 3.0]
    bad("invalid_channel_mismatch_array", "eels.frame", "channels = 8 but the counts array holds 3 values", f, "ChannelMismatch")

    f = frame(0, [1.0, 2.0, math.nan, 4.0, 5.0, 6.0, 7.0, 8.0], dose_e_a2=1.0)
    bad("invalid_nan_counts", "eels.frame", "counts[2] is NaN", f, "NonFiniteCounts")

    f = frame(0, SPECTRUM, dose_e_a2=1.0); f["counts"] = [1.0, math.inf, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]
    bad("invalid_inf_counts_array", "eels.frame", "counts[1] is +Inf in array form", f, "NonFiniteCounts")

    f = frame(0, SPECTRUM, dose_e_a2=1.0); f["seq"] = 3.0
    bad("invalid_float_seq", "eels.frame", "seq must be a MessagePack integer; 3.0 is a float", f, "WrongType")

    bad("invalid_not_a_map", "eels.frame", "payload is an array, not a map", [1, SERIES, 0], "NotAMap")

    f = frame(0, SPECTRUM, dose_e_a2=1.0); del f["exposure_s"]
    bad("invalid_missing_exposure", "eels.frame", "required key exposure_s is absent", f, "MissingKey")

    f = frame(0, SPECTRUM, dose_e_a2=1.0); f["exposure_s"] = -0.1
    bad("invalid_negative_exposure", "eels.frame", "exposure_s must be > 0", f, "InvalidValue")

    f = frame(0, SPECTRUM, dose_e_a2=1.0); f["dispersion_ev"] = 0.0
    bad("invalid_zero_dispersion", "eels.frame", "dispersion_ev must be > 0", f, "InvalidValue")

    f = frame(0, SPECTRUM, dose_e_a2=1.0); f["dtype"] = "i16"
    bad("invalid_bad_dtype", "eels.frame", "dtype must be one of f32, f64, u16, u32", f, "InvalidValue")

    end = {"v": 1, "series_id": SERIES, "frames": 10, "t": T0, "reason": "finished"}
    bad("invalid_end_reason", "eels.end", "reason must be completed, aborted or error", end, "InvalidValue")

    bad("invalid_unknown_topic", "eels.spectrum", "a valid frame payload under an unknown topic",
        frame(0, SPECTRUM, dose_e_a2=1.0), "UnknownTopic")

    bad("invalid_truncated", "eels.frame", "a valid frame payload cut 5 bytes short",
        ("raw", pack(frame(0, SPECTRUM, dose_e_a2=1.0))[:-5]), "NotMessagePack")

    return v


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else HERE
    os.makedirs(out_dir, exist_ok=True)
    names = []
    for name, topic, description, payload, result in vectors():
        if isinstance(payload, tuple) and payload[0] == "raw":
            data = payload[1]
        else:
            data = pack(payload)
        doc = {"name": name, "topic": topic, "description": description, "payload_file": name + ".msgpack"}
        if isinstance(result, str):
            doc["valid"] = False
            doc["rejection"] = result
        else:
            doc["valid"] = True
            doc["expected"] = result
        with open(os.path.join(out_dir, name + ".msgpack"), "wb") as fh:
            fh.write(data)
        with open(os.path.join(out_dir, name + ".json"), "w", encoding="utf-8", newline="\n") as fh:
            json.dump(doc, fh, indent=2, ensure_ascii=False, allow_nan=False)
            fh.write("\n")
        names.append(name)
    print(f"wrote {len(names)} golden vectors to {out_dir}")


if __name__ == "__main__":
    main()
