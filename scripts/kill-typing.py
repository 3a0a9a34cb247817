#!/usr/bin/env python3
"""Hard-kill test with steady typing: how many seconds of typed text a `kill -9` loses.

Each round starts the real binary in a pseudo-terminal on an empty incidents folder,
creates an incident, opens the narrative and types one character every 150 ms (never
pausing long enough for the "typing paused" save), kills the process with SIGKILL at a
random moment, then reads the incident file: the text typed before the oldest character
missing from the file is what was lost, counted in seconds up to the kill.

    scripts/kill-typing.py [ROUNDS] [--bin PATH]     # default 100 rounds, target/debug/retro

Prints one line per round and, at the end, the worst and median loss in seconds. The goal
is a worst loss of at most 2.5 s. Needs Python 3.11+ (tomllib); Linux or macOS.
"""

import argparse
import fcntl
import os
import pty
import random
import signal
import statistics
import struct
import sys
import tempfile
import termios
import threading
import time
import tomllib
from pathlib import Path

STEP = 0.150  # seconds between typed characters
KILL_AFTER = (2.0, 9.0)  # the kill comes at a random moment this long into the typing


def default_binary() -> str:
    target = os.environ.get("CARGO_TARGET_DIR", str(Path(__file__).resolve().parent.parent / "target"))
    return str(Path(target) / "debug" / "retro")


def drain(fd: int, screen: bytearray, stop: threading.Event) -> None:
    """Reads the terminal's output so the program never blocks on a full pty."""
    while not stop.is_set():
        try:
            data = os.read(fd, 65536)
        except OSError:
            return
        if not data:
            return
        screen.extend(data)
        del screen[: max(0, len(screen) - 200_000)]


def wait_for(screen: bytearray, text: bytes, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if text in screen:
            return True
        time.sleep(0.02)
    return False


def one_round(binary: str, rng: random.Random) -> tuple[float, float]:
    """The seconds of typing lost, and of those, how long before the kill the file was last
    written (the rest is typing the program had not yet read when it saved: input lag)."""
    with tempfile.TemporaryDirectory(prefix="retro-kill-") as tmp:
        folder = Path(tmp) / "incidents"
        env = dict(os.environ, TERM="xterm-256color", RETRO_CACHE_DIR=str(Path(tmp) / "cache"))
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(binary, [binary, "--dir", str(folder)], env)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        screen = bytearray()
        stop = threading.Event()
        reader = threading.Thread(target=drain, args=(fd, screen, stop), daemon=True)
        reader.start()
        try:
            if not wait_for(screen, b"\x1b[?1049h", 10):
                raise RuntimeError("retro did not start")
            time.sleep(0.3)
            os.write(fd, b"n")
            time.sleep(0.3)
            os.write(fd, b"Steady typing\r")
            time.sleep(0.5)
            os.write(fd, b"7")
            time.sleep(0.3)
            os.write(fd, b"\r")
            time.sleep(0.3)
            typed: list[float] = []
            kill_at = time.monotonic() + rng.uniform(*KILL_AFTER)
            next_key = time.monotonic()
            while True:
                now = time.monotonic()
                if now >= kill_at:
                    break
                if now >= next_key:
                    os.write(fd, b"x")
                    typed.append(now)
                    next_key += STEP
                time.sleep(max(0.0, min(next_key, kill_at) - time.monotonic()))
            killed = time.monotonic()
            killed_wall = time.time()
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        finally:
            stop.set()
            os.close(fd)
        files = [p for p in folder.glob("*.toml") if not p.name.endswith(".recovery.toml")]
        saved = 0
        since_save = 0.0
        if files:
            data = tomllib.loads(files[0].read_text())
            saved = data.get("narrative", {}).get("text", "").count("x")
            since_save = max(0.0, killed_wall - files[0].stat().st_mtime)
        if saved >= len(typed):
            return 0.0, 0.0
        loss = killed - typed[saved]
        return loss, min(loss, since_save)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rounds", type=int, nargs="?", default=100)
    parser.add_argument("--bin", default=default_binary())
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    if not os.access(args.bin, os.X_OK):
        print(f"no binary at {args.bin}: run `cargo build` first or pass --bin", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    losses = []
    for n in range(1, args.rounds + 1):
        loss, since_save = one_round(args.bin, rng)
        losses.append(loss)
        print(
            f"round {n:3}: lost {loss:5.2f} s  (last save {since_save:4.2f} s before the kill,"
            f" input lag {loss - since_save:4.2f} s)",
            flush=True,
        )
    worst = max(losses)
    print(f"rounds: {len(losses)}  worst loss: {worst:.2f} s  median: {statistics.median(losses):.2f} s")
    print("goal (at most 2.5 s):", "met" if worst <= 2.5 else "NOT met")
    return 0 if worst <= 2.5 else 1


if __name__ == "__main__":
    sys.exit(main())
