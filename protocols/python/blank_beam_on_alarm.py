#!/usr/bin/python3
"""Subscribe to EelsLive's result stream and blank the beam on a critical damage alarm.

    /usr/bin/python3 protocols/python/blank_beam_on_alarm.py --connect tcp://127.0.0.1:5557

Start the monitor with `eelslive monitor --publish tcp://127.0.0.1:5557 ...`. This
script connects a ZeroMQ SUB socket to it, prints every result and alarm, and calls
blank_beam() once per series as soon as any message (an `eelslive.alarm` or an
`eelslive.result`) says `alarm == "critical"` (or, with --blank-on warning, "warning" or
"critical": the critical waits until the data leave no doubt, typically well after the
true crossing, so blank on the warning when the data at the threshold matter most).
Acting on results too matters: a
subscriber that connects late has missed the alarm message itself, and PUB/SUB can
drop messages. The stream is specified in protocols/results-stream-v1.md.

This is an example, not a safety interlock: it blanks the beam only while it runs, is
connected, and receives messages. Replace blank_beam() with your microscope's call.

Exit codes: 0 when stopped as asked (an alarm was handled with
--exit-after-critical, or --timeout passed without it, or Ctrl-C); 1 when
--exit-after-critical was given and --timeout passed without a critical alarm; 2 for a
missing Python package or bad arguments; 3 when blank_beam() raised an exception.

Needs only pyzmq and msgpack (>= 1.0). On Debian/Ubuntu: apt-get install python3-zmq python3-msgpack
"""

import argparse
import json
import os
import sys
import time

try:
    import msgpack
    import zmq
except ImportError as exc:
    print(f"missing Python package ({exc}); on Debian/Ubuntu: apt-get install python3-zmq python3-msgpack",
          file=sys.stderr)
    sys.exit(2)

TOPIC_PREFIX = b"eelslive."
TOPIC_RESULT = b"eelslive.result"
TOPIC_ALARM = b"eelslive.alarm"
SUPPORTED_VERSION = 1
DEFAULT_ENDPOINT = "tcp://127.0.0.1:5557"
# Alarm levels of the result stream, lowest first; --blank-on picks the lowest that blanks.
ALARM_LEVELS = ("ok", "warning", "critical")
BLANK_LEVELS = ALARM_LEVELS[1:]


def blank_beam(message, topic, marker_file=None):
    """Blanks the beam because `message` (a decoded result or alarm) says alarm == "critical" (or "warning" with --blank-on warning).

    REPLACE THE BODY with the call that blanks your microscope's beam, and test it on
    the instrument before you rely on it. What that call is depends on the microscope,
    its control software and how your facility allows scripts to drive it; roughly:

    * Gatan DigitalMicrograph (GMS 3.4+ embedded Python): where the microscope is
      connected to DM, DM-script has microscope commands such as EMSetBeamBlanked(1),
      which Python can run with DigitalMicrograph.ExecuteScriptString("EMSetBeamBlanked(1)").
      Whether that command exists and works depends on the GMS version and the
      microscope plug-in, so check it with your Gatan and microscope documentation.
    * Nion Swift: the instrument is controlled through its instrument/STEM controller
      object (nionswift-instrumentation), typically by setting the blanker's control
      value, e.g. controller.SetValAndConfirm(<blanker control name>, 1, 1.0, 1000).
      The control's name depends on the instrument; ask Nion or your facility.
    * Otherwise: the vendor's microscope scripting API or a TTL line to the blanker.

    The default implementation only prints, and with --on-critical-file writes a JSON
    file describing what it would have blanked on (used by EelsLive's tests).
    """
    print(f"*** BLANK BEAM: {message.get('alarm')} damage alarm in series {message.get('series_id')!r} at seq {message.get('seq')}, "
          f"dose {message.get('dose_e_a2')} e/A^2, windows {message.get('alarm_windows')} "
          f"(from {topic.decode('utf-8', 'replace')}) ***", flush=True)
    if marker_file:
        record = {
            "blanked": True,
            "topic": topic.decode("utf-8", "replace"),
            "series_id": message.get("series_id"),
            "seq": message.get("seq"),
            "t": message.get("t"),
            "dose_e_a2": message.get("dose_e_a2"),
            "alarm": message.get("alarm"),
            "alarm_windows": message.get("alarm_windows"),
            "blanked_at_unix_s": time.time(),
        }
        _write_json(marker_file, record)


def describe(topic, message):
    """One line for the console."""
    budget = message.get("budget_used")
    text = (f"{'ALARM ' if topic == TOPIC_ALARM else 'result'} {message.get('series_id')} seq {message.get('seq')} "
            f"dose {_num(message.get('dose_e_a2'))} e/A^2 alarm {message.get('alarm')}")
    if message.get("alarm_windows"):
        text += f" [{', '.join(message['alarm_windows'])}]"
    if budget is not None:
        text += f" budget {100 * budget:.0f}%"
    if topic == TOPIC_ALARM:
        if message.get("budget_alert") not in (None, "none"):
            text += f" budget_alert {message['budget_alert']} ({_num(message.get('budget_seconds_left'))} s left)"
        for name, f in (message.get("forecast") or {}).items():
            if f.get("level") != "ok":
                text += (f"; {name}: {f.get('level')}, P={_num(f.get('cross_probability'))}, crosses at "
                         f"{_num(f.get('cross_dose_e_a2'))} e/A^2 in {_num(f.get('seconds_to_cross'))} s")
    return text


def _num(value):
    return "?" if value is None else f"{value:.4g}"


def _write_json(path, value):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(value, fh)
    os.replace(tmp, path)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--connect", default=DEFAULT_ENDPOINT, help="the monitor's --publish endpoint (default %(default)s)")
    ap.add_argument("--blank-on", choices=BLANK_LEVELS, default="critical",
                    help="the lowest alarm level that blanks the beam (default %(default)s)")
    ap.add_argument("--exit-after-critical", action="store_true", help="exit 0 once the beam was blanked")
    ap.add_argument("--timeout", type=float, default=None, metavar="S", help="stop after S seconds (default: run until Ctrl-C)")
    ap.add_argument("--on-critical-file", default=None, metavar="FILE",
                    help="the default blank_beam() writes what triggered it to this JSON file")
    ap.add_argument("--received-json", default=None, metavar="FILE", help="on exit, write every message received to FILE")
    args = ap.parse_args(argv)
    if args.timeout is not None and not args.timeout > 0:
        ap.error("--timeout must be > 0")
    try:
        sys.stdout.reconfigure(errors="replace")
    except AttributeError:
        pass

    context = zmq.Context.instance()
    socket = context.socket(zmq.SUB)
    socket.setsockopt(zmq.LINGER, 0)
    socket.setsockopt(zmq.RCVHWM, 10000)
    socket.connect(args.connect)
    socket.setsockopt(zmq.SUBSCRIBE, TOPIC_PREFIX)
    print(f"subscribed to {args.connect}; waiting for results (Ctrl-C to stop)", flush=True)

    deadline = None if args.timeout is None else time.monotonic() + args.timeout
    received = []
    blanked_series = set()
    exit_code = 0
    try:
        while True:
            wait_ms = 1000 if deadline is None else int(max(0.0, deadline - time.monotonic()) * 1000)
            if not socket.poll(wait_ms, zmq.POLLIN):
                if deadline is not None and time.monotonic() >= deadline:
                    if args.exit_after_critical:
                        print(f"no critical alarm within {args.timeout} s", file=sys.stderr, flush=True)
                        exit_code = 1
                    break
                continue
            frames = socket.recv_multipart()
            if len(frames) != 2 or frames[0] not in (TOPIC_RESULT, TOPIC_ALARM):
                continue  # a future topic or a malformed message: not ours to interpret
            topic, data = frames
            try:
                message = msgpack.unpackb(data, raw=False)
            except (ValueError, TypeError) as exc:  # msgpack's decode errors are ValueErrors; unhashable keys TypeError
                print(f"warning: undecodable {topic.decode()} payload ({exc})", file=sys.stderr, flush=True)
                continue
            if not isinstance(message, dict) or message.get("v") != SUPPORTED_VERSION:
                print(f"warning: {topic.decode()} payload is not a v{SUPPORTED_VERSION} map; update this script",
                      file=sys.stderr, flush=True)
                continue
            received.append({"topic": topic.decode(), "payload": message})
            print(describe(topic, message), flush=True)
            # Blank once per series (a critical is latched for the series in the monitor; a warning may clear, but the
            # beam stays blanked until the operator decides).
            level = message.get("alarm")
            blanks = level in ALARM_LEVELS and ALARM_LEVELS.index(level) >= ALARM_LEVELS.index(args.blank_on)
            if blanks and message.get("series_id") not in blanked_series:
                try:
                    blank_beam(message, topic, args.on_critical_file)
                except Exception as exc:  # noqa: BLE001 - report any failure of the user's blanking code loudly
                    print(f"error: blank_beam() failed: {exc!r}; THE BEAM MAY NOT BE BLANKED", file=sys.stderr, flush=True)
                    exit_code = 3
                    break
                blanked_series.add(message.get("series_id"))
                if args.exit_after_critical:
                    break
    except KeyboardInterrupt:
        pass
    finally:
        socket.close(0)
        if args.received_json:
            _write_json(args.received_json, {"endpoint": args.connect, "messages": received})
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
