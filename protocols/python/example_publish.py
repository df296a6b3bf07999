#!/usr/bin/python3
"""Publish a synthetic EELS series over EelsLive wire protocol v1.

    /usr/bin/python3 protocols/python/example_publish.py --bind tcp://127.0.0.1:5556 --frames 100 --rate 10

Spectra: a power-law background plus a carbon-K-like edge at 284 eV whose
height decays with cumulative dose (a toy beam-damage model), with Poisson
noise from --seed. --mix cycles the counts encodings (f32, f64, u16, u32 bin,
and a MessagePack array) and the dose keys frame by frame, which exercises a
consumer's decoder; --gap-at N skips seq N (as if one frame was lost in
transit). --sent-json FILE writes exactly what was sent (every message's
topic and values, counts as numbers) for tests.
"""

import argparse
import json
import os
import sys
import time

try:
    import numpy as np
    import zmq  # noqa: F401  (imported by the publisher; checked here for a clear message)
    import msgpack  # noqa: F401
except ImportError as exc:
    print(f"missing Python package ({exc}); on Debian/Ubuntu: apt-get install python3-zmq python3-msgpack python3-numpy",
          file=sys.stderr)
    sys.exit(2)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eelslive_publisher import DTYPES, Publisher  # noqa: E402

MIX_ENCODINGS = ["f32", "f64", "u16", "u32", "array"]


def synthetic_spectrum(rng, energies, cumulative_dose, exposure_s, critical_dose=5000.0):
    background = 2.0e9 * energies ** -3.0
    edge_height = 400.0 * np.exp(-cumulative_dose / critical_dose)
    edge = np.where(energies >= 284.0, edge_height * (energies / 284.0) ** -2.0, 0.0)
    expected = (background + edge) * exposure_s / 0.1
    return rng.poisson(expected).astype(np.float64)


def to_json(topic, payload):
    """The payload dict as JSON-able values: bin counts decoded to numbers, like a golden 'expected'."""
    out = {}
    for key, value in payload.items():
        if key == "counts":
            if isinstance(value, (bytes, bytearray)):
                dtype = payload.get("dtype") or "f32"
                out["counts_encoding"] = "bin"
                out["dtype"] = dtype
                out["counts"] = [float(x) for x in np.frombuffer(value, dtype=DTYPES[dtype])]
            else:
                out["counts_encoding"] = "array"
                out["counts"] = [float(x) for x in value]
        elif key == "dtype":
            continue
        else:
            out[key] = value
    return {"topic": topic, "payload": out}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bind", default="tcp://127.0.0.1:5556", help="endpoint to bind (default %(default)s)")
    ap.add_argument("--frames", type=int, default=50, help="frames to send (default %(default)s)")
    ap.add_argument("--rate", type=float, default=10.0, help="frames per second (default %(default)s)")
    ap.add_argument("--seed", type=int, default=1, help="random seed for the noise (default %(default)s)")
    ap.add_argument("--channels", type=int, default=1024, help="channels per spectrum (default %(default)s)")
    ap.add_argument("--offset-ev", type=float, default=250.0)
    ap.add_argument("--dispersion-ev", type=float, default=0.1)
    ap.add_argument("--exposure-s", type=float, default=0.1)
    ap.add_argument("--beam-current-pa", type=float, default=50.0)
    ap.add_argument("--area-a2", type=float, default=1.0e6, help="illuminated area in Å² (default %(default)s)")
    ap.add_argument("--series-id", default=None, help="default: a random UUID")
    ap.add_argument("--dtype", choices=sorted(DTYPES) + ["array"], default="f32", help="counts encoding")
    ap.add_argument("--mix", action="store_true", help="cycle counts encodings and dose keys per frame")
    ap.add_argument("--gap-at", type=int, default=None, help="skip this seq (a frame 'lost in transit')")
    ap.add_argument("--warmup", type=float, default=1.0, help="slow-joiner wait after bind, s (default %(default)s)")
    ap.add_argument("--wait-subscriber", type=float, default=None, metavar="S",
                    help="before the first message, wait up to S seconds for a subscriber to subscribe")
    ap.add_argument("--sent-json", default=None, metavar="FILE", help="write what was sent to FILE")
    args = ap.parse_args(argv)
    if args.frames < 0 or args.rate <= 0:
        ap.error("--frames must be >= 0 and --rate > 0")

    rng = np.random.default_rng(args.seed)
    energies = args.offset_ev + np.arange(args.channels) * args.dispersion_ev
    sent = []
    period = 1.0 / args.rate
    with Publisher(args.bind, warmup_s=args.warmup, wait_for_subscriber_s=args.wait_subscriber) as pub:
        print(f"publishing on {pub.endpoint}", flush=True)
        start = pub.start_series(
            args.series_id, beam_energy_kv=200.0, channels=args.channels, offset_ev=args.offset_ev,
            dispersion_ev=args.dispersion_ev, sample="synthetic amorphous carbon", detector="example_publish.py",
            beam_current_pa=args.beam_current_pa, illuminated_area_a2=args.area_a2,
            meta={"seed": args.seed, "generator": "example_publish.py"}, track_cumulative_dose=not args.mix)
        sent.append(to_json("eels.start", start))
        if args.wait_subscriber is not None and not pub.subscribed:
            print(f"no subscriber within {args.wait_subscriber} s; sending anyway", file=sys.stderr, flush=True)
        frame_dose = args.beam_current_pa * 1e-12 * args.exposure_s / (1.602176634e-19 * args.area_a2)
        cumulative = 0.0
        next_tick = time.monotonic()
        seq = 0
        for i in range(args.frames):
            if args.gap_at is not None and seq == args.gap_at:
                seq += 1
                cumulative += frame_dose  # the lost frame still irradiated the sample
            cumulative += frame_dose
            counts = synthetic_spectrum(rng, energies, cumulative, args.exposure_s)
            kwargs = {"dtype": args.dtype, "as_array": args.dtype == "array"}
            if args.mix:
                enc = MIX_ENCODINGS[i % len(MIX_ENCODINGS)]
                kwargs = {"dtype": "f32" if enc == "array" else enc, "as_array": enc == "array"}
                if enc == "array" and i % 2:
                    counts = counts + 0.5  # floats in the array form too
                dose_mode = i % 3
                if dose_mode == 0:
                    kwargs["dose_e_a2"] = frame_dose
                elif dose_mode == 1:
                    kwargs["beam_current_pa"] = args.beam_current_pa
                    kwargs["illuminated_area_a2"] = args.area_a2
                else:
                    kwargs["dose_e_a2"] = frame_dose
                    kwargs["cumulative_dose_e_a2"] = cumulative
            t = time.time()
            payload = pub.send_frame(counts, exposure_s=args.exposure_s, t=t, seq=seq, **kwargs)
            sent.append(to_json("eels.frame", payload))
            seq += 1
            next_tick += period
            delay = next_tick - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        end = pub.end_series("completed")
        sent.append(to_json("eels.end", end))
    if args.sent_json:
        tmp = args.sent_json + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump({"endpoint": pub.endpoint, "messages": sent}, fh, allow_nan=False)
        os.replace(tmp, args.sent_json)
    print(f"sent {len(sent)} messages ({args.frames} frames)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
