"""EelsLive wire protocol v1 publisher: send EELS spectra from a microscope-side script.

Needs only pyzmq, msgpack and numpy. Copy this one file next to your script
(or onto the interpreter's path) and:

    from eelslive_publisher import Publisher

    with Publisher("tcp://127.0.0.1:5556") as pub:
        pub.start_series(beam_energy_kv=200, channels=2048, offset_ev=250.0,
                         dispersion_ev=0.25, beam_current_pa=50, illuminated_area_a2=1e6)
        for spectrum in acquire():                # 1-D numpy arrays
            pub.send_frame(spectrum, exposure_s=0.1)
        pub.end_series("completed")

The publisher BINDS a ZeroMQ PUB socket; EelsLive (and any other consumer)
connects a SUB socket and subscribes to "eels.". Every message is two frames,
[topic, MessagePack payload]. See protocols/wire-protocol-v1.md.

Inputs are checked before anything is sent: a value the protocol forbids
raises InvalidMessageError, a ValueError (and TypeError) naming the key.
"""

import math
import numbers
import operator
import time
import uuid

import msgpack
import numpy as np
import zmq

__all__ = ["Publisher", "InvalidMessageError", "encode_frame", "encode_start", "encode_end", "frame_dose_e_a2",
           "PROTOCOL_VERSION", "DEFAULT_ENDPOINT", "DTYPES", "REASONS"]

PROTOCOL_VERSION = 1
DEFAULT_ENDPOINT = "tcp://127.0.0.1:5556"
TOPIC_START = b"eels.start"
TOPIC_FRAME = b"eels.frame"
TOPIC_END = b"eels.end"
DTYPES = {"f32": "<f4", "f64": "<f8", "u16": "<u2", "u32": "<u4"}
REASONS = ("completed", "aborted", "error")
ELEMENTARY_CHARGE_C = 1.602176634e-19
MAX_PAYLOAD_BYTES = 16 * 1024 * 1024
MAX_CHANNELS = 65536
MAX_STRING_BYTES = 4096
MAX_KEYS = 256


# ---------------------------------------------------------------- checks

class InvalidMessageError(ValueError, TypeError):
    """Input the protocol forbids; the message names the key. Catch it as ValueError."""

def _int(key, value, minimum=None):
    if isinstance(value, (bool, np.bool_)):
        raise InvalidMessageError(f"'{key}' must be an integer, got {value!r}")
    try:
        value = operator.index(value)  # int, numpy integers; rejects 3.0 (must be a MessagePack integer)
    except TypeError:
        raise InvalidMessageError(f"'{key}' must be an integer, got {type(value).__name__} {value!r}") from None
    if minimum is not None and value < minimum:
        raise InvalidMessageError(f"'{key}' must be >= {minimum}, got {value}")
    return int(value)


def _num(key, value, positive=False, non_negative=False):
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.number)):
        raise InvalidMessageError(f"'{key}' must be a number, got {type(value).__name__} {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise InvalidMessageError(f"'{key}' must be finite, got {value}")
    if positive and not value > 0:
        raise InvalidMessageError(f"'{key}' must be > 0, got {value}")
    if non_negative and value < 0:
        raise InvalidMessageError(f"'{key}' must be >= 0, got {value}")
    return value


def _str(key, value, allow_empty=True):
    if not isinstance(value, str):
        raise InvalidMessageError(f"'{key}' must be a str, got {type(value).__name__}")
    if len(value.encode("utf-8")) > MAX_STRING_BYTES:
        raise InvalidMessageError(f"'{key}' is longer than {MAX_STRING_BYTES} UTF-8 bytes")
    if not allow_empty and not value:
        raise InvalidMessageError(f"'{key}' must not be empty")
    return value


def _plain(key, value, depth=0):
    """Convert meta values to plain msgpack-able Python objects (numpy scalars/arrays included)."""
    if depth > 15:
        raise InvalidMessageError(f"'{key}' is nested deeper than 16 levels")
    if value is None or isinstance(value, (bool, str, bytes)):
        return value
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, (numbers.Integral, np.integer)):
        return int(value)
    if isinstance(value, (numbers.Real, np.floating)):
        return float(value)
    if isinstance(value, np.ndarray):
        return _plain(key, value.tolist(), depth)
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise InvalidMessageError(f"'{key}' map keys must be str, got {k!r}")
            out[k] = _plain(f"{key}.{k}", v, depth + 1)
        return out
    if isinstance(value, (list, tuple)):
        return [_plain(key, v, depth + 1) for v in value]
    raise InvalidMessageError(f"'{key}' holds a {type(value).__name__}, which MessagePack cannot carry")


def frame_dose_e_a2(beam_current_pa, exposure_s, illuminated_area_a2):
    """One frame's fluence in e/Å² from beam current (pA), exposure (s) and illuminated area (Å²)."""
    return beam_current_pa * 1e-12 * exposure_s / (ELEMENTARY_CHARGE_C * illuminated_area_a2)


def _counts(counts, dtype, as_array):
    arr = np.asarray(counts)
    if arr.ndim != 1:
        raise InvalidMessageError(f"'counts' must be one spectrum (a 1-D array), got shape {arr.shape}; "
                         "pass e.g. data.ravel() or one row of a spectrum image")
    if arr.size == 0 or arr.size > MAX_CHANNELS:
        raise InvalidMessageError(f"'counts' must hold 1..{MAX_CHANNELS} channels, got {arr.size}")
    if arr.dtype.kind not in "iuf":
        raise InvalidMessageError(f"'counts' must be numeric, got dtype {arr.dtype}")
    if arr.dtype.kind == "f" and not np.all(np.isfinite(arr)):
        bad = int(np.argmin(np.isfinite(arr)))
        raise InvalidMessageError(f"'counts' must be finite; counts[{bad}] is {arr[bad]}")
    if as_array:
        # MessagePack array of numbers: ints stay ints, floats are sent as float64.
        return arr.tolist(), None
    if dtype not in DTYPES:
        raise InvalidMessageError(f"'dtype' must be one of {', '.join(DTYPES)}, got {dtype!r}")
    if dtype in ("u16", "u32"):
        limit = 65535 if dtype == "u16" else 4294967295
        if arr.dtype.kind == "f" and not np.all(arr == np.round(arr)):
            raise InvalidMessageError(f"'counts' must be whole numbers for dtype {dtype}")
        if arr.min() < 0 or arr.max() > limit:
            raise InvalidMessageError(f"'counts' must lie in 0..{limit} for dtype {dtype}, "
                             f"got {arr.min()}..{arr.max()}")
    elif dtype == "f32":
        with np.errstate(over="ignore"):
            as32 = arr.astype("<f4")
        if not np.all(np.isfinite(as32)):
            raise InvalidMessageError("'counts' overflow float32; use dtype='f64'")
        return as32.tobytes(), dtype
    return np.ascontiguousarray(arr, dtype=DTYPES[dtype]).tobytes(), dtype


# ---------------------------------------------------------------- payloads

def _pack(payload):
    data = msgpack.packb(payload, use_bin_type=True)
    if len(data) > MAX_PAYLOAD_BYTES:
        raise InvalidMessageError(f"payload of {len(data)} bytes exceeds the 16 MiB limit")
    return data


def encode_start(series_id, *, beam_energy_kv, channels, offset_ev, dispersion_ev, t=None,
                 sample=None, detector=None, illuminated_area_a2=None, beam_current_pa=None, meta=None):
    """The eels.start payload dict (checked); pack with msgpack.packb(d, use_bin_type=True)."""
    d = {
        "v": PROTOCOL_VERSION,
        "series_id": _str("series_id", series_id, allow_empty=False),
        "t": _num("t", time.time() if t is None else t),
        "beam_energy_kv": _num("beam_energy_kv", beam_energy_kv, positive=True),
        "channels": _int("channels", channels, minimum=1),
        "offset_ev": _num("offset_ev", offset_ev),
        "dispersion_ev": _num("dispersion_ev", dispersion_ev, positive=True),
    }
    if d["channels"] > MAX_CHANNELS:
        raise InvalidMessageError(f"'channels' must be <= {MAX_CHANNELS}, got {d['channels']}")
    if sample is not None:
        d["sample"] = _str("sample", sample)
    if detector is not None:
        d["detector"] = _str("detector", detector)
    if illuminated_area_a2 is not None:
        d["illuminated_area_a2"] = _num("illuminated_area_a2", illuminated_area_a2, positive=True)
    if beam_current_pa is not None:
        d["beam_current_pa"] = _num("beam_current_pa", beam_current_pa, non_negative=True)
    if meta is not None:
        if not isinstance(meta, dict):
            raise InvalidMessageError("'meta' must be a dict with str keys")
        d["meta"] = _plain("meta", meta)
    return d


def encode_frame(series_id, seq, counts, *, exposure_s, offset_ev, dispersion_ev, t=None, dtype="f32",
                 as_array=False, dose_e_a2=None, beam_current_pa=None, illuminated_area_a2=None,
                 cumulative_dose_e_a2=None, extra=None):
    """The eels.frame payload dict (checked). counts: 1-D numpy array (or sequence) of the spectrum."""
    data, wire_dtype = _counts(counts, dtype, as_array)
    channels = len(data) if as_array else len(data) // np.dtype(DTYPES[wire_dtype]).itemsize
    d = {
        "v": PROTOCOL_VERSION,
        "series_id": _str("series_id", series_id, allow_empty=False),
        "seq": _int("seq", seq, minimum=0),
        "t": _num("t", time.time() if t is None else t),
        "exposure_s": _num("exposure_s", exposure_s, positive=True),
        "channels": channels,
        "offset_ev": _num("offset_ev", offset_ev),
        "dispersion_ev": _num("dispersion_ev", dispersion_ev, positive=True),
        "counts": data,
    }
    if wire_dtype is not None and wire_dtype != "f32":
        d["dtype"] = wire_dtype
    if dose_e_a2 is not None:
        d["dose_e_a2"] = _num("dose_e_a2", dose_e_a2, non_negative=True)
    if beam_current_pa is not None:
        d["beam_current_pa"] = _num("beam_current_pa", beam_current_pa, non_negative=True)
    if illuminated_area_a2 is not None:
        d["illuminated_area_a2"] = _num("illuminated_area_a2", illuminated_area_a2, positive=True)
    if cumulative_dose_e_a2 is not None:
        d["cumulative_dose_e_a2"] = _num("cumulative_dose_e_a2", cumulative_dose_e_a2, non_negative=True)
    if extra:
        for k, v in extra.items():
            if k in d:
                raise InvalidMessageError(f"extra key '{k}' would overwrite a protocol key")
            d[_str("extra key", k)] = _plain(k, v)
    return d


def encode_end(series_id, *, frames, reason="completed", t=None):
    """The eels.end payload dict (checked)."""
    if reason not in REASONS:
        raise InvalidMessageError(f"'reason' must be one of {', '.join(REASONS)}, got {reason!r}")
    return {
        "v": PROTOCOL_VERSION,
        "series_id": _str("series_id", series_id, allow_empty=False),
        "frames": _int("frames", frames, minimum=0),
        "t": _num("t", time.time() if t is None else t),
        "reason": reason,
    }


# ---------------------------------------------------------------- publisher

class Publisher:
    """Binds a ZeroMQ PUB socket and publishes one series at a time.

    endpoint  where to bind, e.g. "tcp://127.0.0.1:5556" (this PC only) or "tcp://*:5556"
              (all interfaces; mind your firewall).
    warmup_s  seconds to wait after binding before the first message. ZeroMQ PUB drops
              messages sent before a subscriber's connection and subscription have
              arrived ("slow joiner"); consumers that are already running reconnect
              within ~0.1 s, so 0.5-1 s is plenty. Frames are self-sufficient, so a
              late consumer only misses what was sent before it joined.
    wait_for_subscriber_s
              if set, the first message waits up to this many seconds until a subscriber
              has actually subscribed (the socket is then an XPUB, which sees
              subscriptions; subscribers cannot tell the difference). Deterministic where
              warmup_s is a guess: use it when a consumer is known to be connecting, e.g.
              in tests. After the timeout the publisher sends anyway.
    sndhwm    messages queued per subscriber before PUB drops (ZeroMQ never blocks a PUB).
    linger_ms how long close() waits to flush queued messages.
    """

    def __init__(self, endpoint=DEFAULT_ENDPOINT, *, warmup_s=0.5, wait_for_subscriber_s=None, sndhwm=1000,
                 linger_ms=2000, context=None):
        self._own_context = context is None
        self._context = context or zmq.Context()
        self._xpub = wait_for_subscriber_s is not None
        self._wait_for_subscriber_s = None if wait_for_subscriber_s is None else float(wait_for_subscriber_s)
        self._socket = self._context.socket(zmq.XPUB if self._xpub else zmq.PUB)
        self._socket.setsockopt(zmq.SNDHWM, int(sndhwm))
        self._socket.setsockopt(zmq.LINGER, int(linger_ms))
        try:
            self._socket.bind(endpoint)
        except zmq.ZMQError:
            self._socket.close(0)
            if self._own_context:
                self._context.term()
            raise
        self.endpoint = self._socket.getsockopt_string(zmq.LAST_ENDPOINT)
        self._ready_at = time.monotonic() + max(0.0, float(warmup_s))
        self._series = None
        self.sent = 0  # messages sent by this publisher
        self.subscribed = False  # an XPUB publisher has seen a subscription

    # -- context manager
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if self._series is not None:
            self.end_series("completed" if exc_type is None else "error")
        self.close()
        return False

    def close(self):
        """Closes the socket (waiting up to linger_ms to flush) and, if owned, the context."""
        if self._socket is not None:
            self._socket.close()
            self._socket = None
            if self._own_context:
                self._context.term()

    # -- series
    @property
    def series_id(self):
        return None if self._series is None else self._series["series_id"]

    @property
    def next_seq(self):
        return None if self._series is None else self._series["seq"]

    @property
    def cumulative_dose_e_a2(self):
        """The running dose total this publisher tracks (None unless track_cumulative_dose)."""
        return None if self._series is None else self._series["cumulative"]

    def start_series(self, series_id=None, *, beam_energy_kv, channels, offset_ev, dispersion_ev, t=None,
                     sample=None, detector=None, illuminated_area_a2=None, beam_current_pa=None, meta=None,
                     track_cumulative_dose=False, send_start=True):
        """Begins a series (a new series_id, default a random UUID) and sends eels.start.

        offset_ev, dispersion_ev, and beam_current_pa/illuminated_area_a2 given here are
        repeated on every frame unless send_frame overrides them (frames must be
        self-sufficient). With track_cumulative_dose=True every frame also carries
        cumulative_dose_e_a2, the running sum of the frames' doses. Returns the payload dict.
        """
        if self._series is not None:
            raise InvalidMessageError(f"series '{self._series['series_id']}' is still open; call end_series first")
        series_id = str(uuid.uuid4()) if series_id is None else series_id
        d = encode_start(series_id, beam_energy_kv=beam_energy_kv, channels=channels, offset_ev=offset_ev,
                         dispersion_ev=dispersion_ev, t=t, sample=sample, detector=detector,
                         illuminated_area_a2=illuminated_area_a2, beam_current_pa=beam_current_pa, meta=meta)
        self._series = {
            "series_id": d["series_id"], "seq": 0, "channels": d["channels"], "offset_ev": d["offset_ev"],
            "dispersion_ev": d["dispersion_ev"], "beam_current_pa": d.get("beam_current_pa"),
            "illuminated_area_a2": d.get("illuminated_area_a2"),
            "cumulative": 0.0 if track_cumulative_dose else None,
        }
        if send_start:
            self._send(TOPIC_START, d)
        return d

    def send_frame(self, counts, *, exposure_s, t=None, dtype="f32", as_array=False, dose_e_a2=None,
                   beam_current_pa=None, illuminated_area_a2=None, cumulative_dose_e_a2=None,
                   offset_ev=None, dispersion_ev=None, seq=None, extra=None):
        """Sends one eels.frame with the next seq (or `seq` to mark frames you know were lost).

        counts: the spectrum as a 1-D array; sent as little-endian `dtype` bin ("f32" default,
        "f64", "u16", "u32") or, with as_array=True, as a MessagePack array of numbers.
        Dose: dose_e_a2 (this frame's e/Å²) and/or beam_current_pa with illuminated_area_a2.
        t defaults to now; pass the exposure start time if you know it. Returns the payload dict.
        """
        s = self._series
        if s is None:
            raise InvalidMessageError("no open series; call start_series first")
        seq = s["seq"] if seq is None else _int("seq", seq, minimum=0)
        if seq < s["seq"]:
            raise InvalidMessageError(f"'seq' must not go backwards: next is {s['seq']}, got {seq}")
        if beam_current_pa is None and illuminated_area_a2 is None and dose_e_a2 is None:
            beam_current_pa, illuminated_area_a2 = s["beam_current_pa"], s["illuminated_area_a2"]
        if s["cumulative"] is not None and cumulative_dose_e_a2 is None:
            if dose_e_a2 is not None:
                this_dose = _num("dose_e_a2", dose_e_a2, non_negative=True)
            elif beam_current_pa is not None and illuminated_area_a2 is not None:
                this_dose = frame_dose_e_a2(_num("beam_current_pa", beam_current_pa, non_negative=True),
                                            _num("exposure_s", exposure_s, positive=True),
                                            _num("illuminated_area_a2", illuminated_area_a2, positive=True))
            else:
                raise InvalidMessageError("track_cumulative_dose needs each frame's dose: give dose_e_a2, "
                                 "or beam_current_pa with illuminated_area_a2")
            cumulative_dose_e_a2 = s["cumulative"] + this_dose
        d = encode_frame(s["series_id"], seq, counts, exposure_s=exposure_s,
                         offset_ev=s["offset_ev"] if offset_ev is None else offset_ev,
                         dispersion_ev=s["dispersion_ev"] if dispersion_ev is None else dispersion_ev,
                         t=t, dtype=dtype, as_array=as_array, dose_e_a2=dose_e_a2,
                         beam_current_pa=beam_current_pa, illuminated_area_a2=illuminated_area_a2,
                         cumulative_dose_e_a2=cumulative_dose_e_a2, extra=extra)
        if d["channels"] != s["channels"]:
            # Not a protocol error (every frame carries its own axis), but almost always a mistake.
            raise InvalidMessageError(f"counts hold {d['channels']} channels but the series was started with "
                             f"{s['channels']}; start a new series when the spectrometer set-up changes")
        self._send(TOPIC_FRAME, d)
        s["seq"] = seq + 1
        if s["cumulative"] is not None:
            s["cumulative"] = d["cumulative_dose_e_a2"]
        return d

    def end_series(self, reason="completed", *, t=None, frames=None):
        """Sends eels.end (frames defaults to the number of seq values used) and closes the series."""
        s = self._series
        if s is None:
            raise InvalidMessageError("no open series")
        d = encode_end(s["series_id"], frames=s["seq"] if frames is None else frames, reason=reason, t=t)
        self._send(TOPIC_END, d)
        self._series = None
        return d

    def wait_for_subscriber(self, timeout_s):
        """With wait_for_subscriber_s set: blocks until a subscriber has subscribed; True if one has."""
        if not self._xpub:
            raise InvalidMessageError("wait_for_subscriber needs Publisher(..., wait_for_subscriber_s=...)")
        deadline = time.monotonic() + max(0.0, float(timeout_s))
        while not self.subscribed:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._socket.poll(int(remaining * 1000) + 1, zmq.POLLIN):
                break
            self._drain_subscriptions()
        return self.subscribed

    def _drain_subscriptions(self):
        # XPUB delivers subscribe (b"\x01" + prefix) and unsubscribe (b"\x00" + prefix) messages.
        while True:
            try:
                msg = self._socket.recv(zmq.NOBLOCK)
            except zmq.Again:
                return
            if msg[:1] == b"\x01":
                self.subscribed = True

    def _send(self, topic, payload):
        if self._socket is None:
            raise InvalidMessageError("publisher is closed")
        data = _pack(payload)
        if self._xpub:
            self._drain_subscriptions()
            if not self.subscribed and self._wait_for_subscriber_s is not None:
                self.wait_for_subscriber(self._wait_for_subscriber_s)
                self._wait_for_subscriber_s = None  # wait once; later sends never block
        wait = self._ready_at - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._socket.send_multipart([topic, data], copy=len(data) < 65536)
        self.sent += 1
