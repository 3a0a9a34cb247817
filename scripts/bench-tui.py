#!/usr/bin/env python3
"""Times the terminal UI in a pseudo-terminal (160x48) beside vim and less, in one run.

Usage: bench-tui.py [--bin PATH] [--runs N] [--keys N]

Each figure is a median over several alternating runs (retro, then the anchor, then retro...).
A key's latency is the time from writing it to the pty until the first byte of the answer
arrives; "settled" is the time until the last byte before a quiet gap. The ratios are printed
beside the goals of issue 11. Needs a release build (`cargo build --release`), vim and less.
"""
import argparse
import fcntl
import os
import pty
import random
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROWS, COLS = 48, 160
WORDS = ("the config push removed every upstream from the checkout pool and the linter "
         "accepted the empty list because the schema marks it optional while alerts fired "
         "within a minute and the payments team rolled back the change after the dashboards "
         "showed errors climbing").split()
TYPED = "quick brown foxes jump over lazy dogs "


# ---------------------------------------------------------------------------------------------
# Test files


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def narrative(rng, words):
    """About `words` words in paragraphs of 5-9 sentences."""
    paragraphs, count = [], 0
    while count < words:
        sentences = [sentence(rng, rng.randint(10, 20)) for _ in range(rng.randint(5, 9))]
        count += sum(len(s.split()) for s in sentences)
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def toml_ml(text):
    return '"""\n' + text.replace("\\", "\\\\").replace('"""', '\\"""') + '"""'


def incident(ident, title, entries, story, rng):
    out = [
        "schema_version = 1",
        f'id = "{ident}"',
        f'title = "{title}"',
        'severity = "SEV2"',
        'status = "draft"',
        'timezone = "UTC"',
        'services = ["checkout-api"]',
        'participants = ["incident commander", "checkout on-call"]',
        "created_at = 2026-03-12T09:30:00Z",
        "updated_at = 2026-03-12T10:12:41Z",
        "",
        "[narrative]",
        f"text = {toml_ml(story)}",
    ]
    for n in range(entries):
        sec = n * 7
        out += [
            "",
            "[[timeline]]",
            f"at = 2026-03-12T{(sec // 3600) % 24:02d}:{(sec // 60) % 60:02d}:{sec % 60:02d}Z",
            'actor = "checkout on-call"',
            'channel = "#inc-2417"',
            f'text = "{sentence(rng, 14)}"',
        ]
    return "\n".join(out) + "\n"


class Corpus:
    """Folders of one incident each, and the same texts as plain files for vim and less."""

    def __init__(self, root):
        rng = random.Random(7)
        self.root = root
        self.bodies = {}
        story = narrative(rng, 50_000)
        small_story = narrative(rng, 300)
        self.small = self._folder("small", "2026-03-12-small", "Small incident", 12, small_story, rng)
        self.story = self._folder("story", "2026-03-12-story", "Long story", 0, story, rng)
        self.timeline = self._folder("timeline", "2026-03-12-timeline", "Long timeline", 5000,
                                     "Short story.", rng)
        self.big = self._folder("big", "2026-03-12-big", "Long timeline and story", 5000, story,
                                rng)
        self.story_txt = os.path.join(root, "story.txt")
        with open(self.story_txt, "w") as f:
            f.write(story + "\n")
        self.small_txt = os.path.join(root, "small.txt")
        with open(self.small_txt, "w") as f:
            f.write(small_story + "\n")
        self.lines_txt = os.path.join(root, "lines.txt")
        with open(self.lines_txt, "w") as f:
            f.write("\n".join(sentence(rng, 14) for _ in range(5000)) + "\n")

    def _folder(self, name, ident, title, entries, story, rng):
        folder = os.path.join(self.root, name)
        os.makedirs(folder)
        path = os.path.join(folder, ident + ".toml")
        body = incident(ident, title, entries, story, rng)
        self.bodies[path] = body
        with open(path, "w") as f:
            f.write(body)
        return folder, path

    def reset(self, which):
        """Rewrites a folder's incident as generated (typing changed it)."""
        folder, path = which
        for name in os.listdir(folder):
            full = os.path.join(folder, name)
            if full != path and os.path.isfile(full):
                os.remove(full)
        with open(path, "w") as f:
            f.write(self.bodies[path])


# ---------------------------------------------------------------------------------------------
# The pseudo-terminal


class Pty:
    def __init__(self, argv, env=None):
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            os.execvpe(argv[0], argv, env or os.environ)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.pid, self.fd = pid, fd
        self.started = time.perf_counter()

    def read_until_quiet(self, quiet, limit=30.0):
        """Reads until nothing arrives for `quiet` seconds; returns the time of the last byte."""
        last = None
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            r, _, _ = select.select([self.fd], [], [], quiet)
            if not r:
                break
            try:
                data = os.read(self.fd, 1 << 16)
            except OSError:
                break
            if not data:
                break
            last = time.perf_counter()
        return last

    def send(self, data, pause=0.25):
        os.write(self.fd, data.encode())
        self.read_until_quiet(pause)

    def key(self, data, quiet=0.03):
        """Latency of one key: write until the first byte of the answer (seconds)."""
        self.read_until_quiet(0.0)
        t0 = time.perf_counter()
        os.write(self.fd, data.encode())
        r, _, _ = select.select([self.fd], [], [], 5.0)
        t1 = time.perf_counter()
        if r:
            os.read(self.fd, 1 << 16)
        self.read_until_quiet(quiet)
        return t1 - t0

    def settle(self, data, quiet=0.15):
        """Time from writing `data` until the last byte before `quiet` seconds of silence."""
        self.read_until_quiet(0.05)
        t0 = time.perf_counter()
        os.write(self.fd, data.encode())
        r, _, _ = select.select([self.fd], [], [], 10.0)
        if not r:
            return float("nan")
        last = self.read_until_quiet(quiet)
        return (last or t0) - t0

    def first_screen(self, t0, least=1000):
        """The end of the first burst of output after which at least `least` bytes came since
        `t0` (a terminal set-up sequence alone is not a screen)."""
        seen, last = 0, None
        end = t0 + 10.0
        while time.perf_counter() < end:
            r, _, _ = select.select([self.fd], [], [], FRAME_GAP)
            if not r:
                if seen >= least:
                    break
                continue
            data = os.read(self.fd, 1 << 16)
            if not data:
                break
            seen += len(data)
            last = time.perf_counter()
        return last if last is not None else float("nan")

    def close(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)


def retro_env(cache):
    env = dict(os.environ, TERM="xterm-256color", RETRO_CACHE_DIR=cache)
    env.pop("RETRO_DIR", None)
    return env


VIM = ["vim", "-u", "NONE", "-i", "NONE", "-N", "-n"]


# ---------------------------------------------------------------------------------------------
# Scenarios: each returns a list of seconds


def retro_open(args, folder, cache):
    t = Pty([args.bin, "--dir", folder[0]], retro_env(cache))
    t.read_until_quiet(0.3)
    return t


def retro_typing(args, folder, cache, path_keys, keys):
    t = retro_open(args, folder, cache)
    try:
        t.send("\r", 0.5)
        for k in path_keys:
            t.send(k, 0.3)
        return [t.key(TYPED[i % len(TYPED)]) for i in range(keys)]
    finally:
        t.close()


def vim_typing(path, keys):
    t = Pty(VIM + [path], dict(os.environ, TERM="xterm-256color"))
    try:
        t.read_until_quiet(0.3)
        t.send("G", 0.2)
        t.send("A", 0.2)
        return [t.key(TYPED[i % len(TYPED)]) for i in range(keys)]
    finally:
        t.send("\x1b", 0.05)
        t.close()


NARRATIVE = ["7", "\r"]  # section 7, edit its first field (cursor at the end)
ENTRY_TEXT = ["3", "\r", "\t", "\t", "\t", "\t", "\r"]  # section 3, open entry 1, its text


def bursts(t, args):
    """Bursts of 8 keys, then a pause of about the autosave's quiet time, so that keys land on
    the saves; the latency of every key."""
    rng = random.Random(3)
    out = []
    for burst in range(args.bursts):
        for i in range(8):
            out.append(t.key(TYPED[(burst + i) % len(TYPED)], quiet=0.01))
            time.sleep(0.03)
        time.sleep(rng.uniform(0.85, 1.45))
    return out


def autosave_typing(args, corpus, cache):
    """Keys in the story of the 5,000-entry incident while it is saved after each pause."""
    t = retro_open(args, corpus.big, cache)
    try:
        t.send("\r", 0.8)
        for k in NARRATIVE:
            t.send(k, 0.3)
        return bursts(t, args)
    finally:
        t.close()


def vim_autosave_typing(args, corpus):
    """The same keys in vim on the same file, its swap file on (written after 200 keys or
    4 s of quiet)."""
    t = Pty(["vim", "-u", "NONE", "-i", "NONE", "-N", corpus.big[1]],
            dict(os.environ, TERM="xterm-256color"))
    try:
        t.read_until_quiet(0.5)
        t.send("G", 0.2)
        t.send("A", 0.2)
        return bursts(t, args)
    finally:
        t.send("\x1b", 0.05)
        t.close()
        swap = os.path.join(os.path.dirname(corpus.big[1]),
                            "." + os.path.basename(corpus.big[1]) + ".swp")
        if os.path.exists(swap):
            os.remove(swap)


# A frame is one burst of output: it ends at the first gap of this length.
FRAME_GAP = 0.01


def open_big(args, corpus, cache):
    """Enter on the list until the incident's first frame is drawn (the first burst)."""
    t = retro_open(args, corpus.timeline, cache)
    try:
        t.read_until_quiet(0.05)
        t0 = time.perf_counter()
        os.write(t.fd, b"\r")
        return [t.first_screen(t0) - t0]
    finally:
        t.close()


def check_parse(args, corpus):
    t0 = time.perf_counter()
    subprocess.run([args.bin, "check", corpus.timeline[1]], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env=dict(os.environ, RETRO_CACHE_DIR="/nonexistent"))
    return [time.perf_counter() - t0]


def vim_open(corpus):
    t0 = time.perf_counter()
    t = Pty(VIM + [corpus.timeline[1]], dict(os.environ, TERM="xterm-256color"))
    try:
        return [t.first_screen(t0) - t0]
    finally:
        t.close()


def retro_scroll(args, corpus, cache):
    t = retro_open(args, corpus.timeline, cache)
    try:
        t.send("\r", 0.8)
        t.send("3", 0.5)
        return [t.settle("j" * 500, quiet=0.15)]
    finally:
        t.close()


def less_paging(corpus):
    t = Pty(["less", corpus.lines_txt], dict(os.environ, TERM="xterm-256color", LESS=""))
    try:
        t.read_until_quiet(0.3)
        # 5,000 lines in pages of ROWS - 1.
        return [t.settle(" " * (5000 // (ROWS - 1)), quiet=0.15)]
    finally:
        t.send("q", 0.05)
        t.close()


# ---------------------------------------------------------------------------------------------


def ms(seconds):
    return f"{seconds * 1000:.2f} ms"


def p99(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]


def main():
    default_bin = os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "retro")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=default_bin)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keys", type=int, default=60)
    ap.add_argument("--bursts", type=int, default=10)
    ap.add_argument("--only", default="typing,autosave,open,scroll",
                    help="comma-separated: typing, autosave, open, scroll")
    args = ap.parse_args()
    only = set(args.only.split(","))

    def want(name):
        return name in only

    if not os.access(args.bin, os.X_OK):
        sys.exit(f"no release binary at {args.bin}: cargo build --release")
    for tool in ("vim", "less"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is needed")
    root = tempfile.mkdtemp(prefix="retro-bench-tui-")
    cache = os.path.join(root, "cache")
    try:
        corpus = Corpus(root)
        r = {k: [] for k in ["story", "vim_story", "timeline", "vim_timeline", "small",
                             "vim_small", "autosave", "vim_autosave", "open", "check", "vim_open", "scroll",
                             "less"]}
        for run in range(args.runs):
            print(f"run {run + 1} of {args.runs}...", file=sys.stderr)
            if want("typing"):
                r["story"] += retro_typing(args, corpus.story, cache, NARRATIVE, args.keys)
                r["vim_story"] += vim_typing(corpus.story_txt, args.keys)
                r["timeline"] += retro_typing(args, corpus.timeline, cache, ENTRY_TEXT,
                                              args.keys)
                r["vim_timeline"] += vim_typing(corpus.timeline[1], args.keys)
                r["small"] += retro_typing(args, corpus.small, cache, NARRATIVE, args.keys)
                r["vim_small"] += vim_typing(corpus.small_txt, args.keys)
                for which in (corpus.story, corpus.timeline, corpus.small):
                    corpus.reset(which)
            if want("autosave"):
                r["autosave"] += autosave_typing(args, corpus, cache)
                corpus.reset(corpus.big)
                r["vim_autosave"] += vim_autosave_typing(args, corpus)
                corpus.reset(corpus.big)
            if want("open"):
                for _ in range(3):
                    r["open"] += open_big(args, corpus, cache)
                    r["check"] += check_parse(args, corpus)
                    r["vim_open"] += vim_open(corpus)
            if want("scroll"):
                r["scroll"] += retro_scroll(args, corpus, cache)
                r["less"] += less_paging(corpus)
        med = {k: statistics.median(v) if v else float("nan") for k, v in r.items()}
        rows = [
            ("keystroke, 50,000-word narrative", med["story"], "vim, same text",
             med["vim_story"], 2.5),
            ("keystroke, 50,000-word narrative", med["story"], "retro, small incident",
             med["small"], 1.5),
            ("keystroke, 5,000-entry timeline", med["timeline"], "vim, same file",
             med["vim_timeline"], 2.5),
            ("keystroke, 5,000-entry timeline", med["timeline"], "retro, small incident",
             med["small"], 1.5),
            ("keystroke, small incident", med["small"], "vim, same text", med["vim_small"], None),
            ("p99 of keys during autosave", p99(r["autosave"]) if r["autosave"] else float("nan"), "median of the same keys",
             med["autosave"], 2.0),
            ("p99 of the same keys in vim", p99(r["vim_autosave"]) if r["vim_autosave"]
             else float("nan"), "their median", med["vim_autosave"], None),
            ("Enter → first frame, 5,000 entries", med["open"], "retro check, same file",
             med["check"], 1.3),
            ("Enter → first frame, 5,000 entries", med["open"], "vim opening it",
             med["vim_open"], 8.0),
            ("500 queued j, 5,000-entry timeline", med["scroll"], "less paging 5,000 lines",
             med["less"], 4.0),
        ]
        print(f"retro TUI benchmark: pty {COLS}x{ROWS}, {args.runs} alternating runs, "
              f"{args.keys} keys per typing run, medians")
        print()
        print("| work | retro | anchor | anchor time | ratio | goal |")
        print("| --- | --- | --- | --- | --- | --- |")
        for work, mine, anchor, theirs, goal in rows:
            if mine != mine or theirs != theirs:
                continue
            ratio = mine / theirs if theirs > 0 else float("inf")
            verdict = "" if goal is None else (f"≤ {goal}× " + ("✓" if ratio <= goal else "✗"))
            print(f"| {work} | {ms(mine)} | {anchor} | {ms(theirs)} | {ratio:.2f}× | {verdict} |")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
