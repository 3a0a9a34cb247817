#!/usr/bin/env python3
"""Writes a folder of incident files that exercise `retro lint` for comparing two builds.

Usage: lint-folder.py FOLDER

Every labeled sentence of tests/lint/*.tsv is put in a file, in the field its row names (the
story, a factor's description, a timeline entry with its actor) and also in the other text
fields, with participants who are named in them; some files are written in unusual but valid
layouts (CRLF line ends, escapes, literal strings, comments, inline arrays over several
lines, keys in another order, `[lint]` words and ignores, `[extensions]`), so that both the
fast reader and the full parser are used. The built-in examples and the test fixtures are
copied in too.
"""
import glob
import os
import random
import shutil
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def basic(s):
    out = []
    for c in s:
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif ord(c) < 0x20 or c == "\x7f":
            out.append("\\u%04x" % ord(c))
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def multi(s):
    return '"""\n' + s.replace("\\", "\\\\").replace('"""', '\\"""') + '"""'


def literal(s):
    if "'" in s or "\n" in s:
        return basic(s)
    return "'" + s + "'"


def sentences():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "lint", "*.tsv"))):
        for line in open(path, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 5:
                out.append((cols[2], cols[4]))
    return out


NAMES = ["Dave", "Priya", "Kevin", "Tomás", "Bob", "Alice"]


def incident(n, group, rng, style):
    ident = f"2026-01-{1 + n % 28:02d}-lint-case-{n}"
    nl = "\r\n" if style == "crlf" else "\n"
    s = lambda i: group[i % len(group)][1]
    text = lambda v: (literal(v) if style == "literal" else basic(v)) if "\n" not in v else multi(v)
    lines = [
        "# a comment before everything" if style == "comment" else None,
        "schema_version = 1",
        f'id = "{ident}"',
        f"title = {text(s(0))}",
        'severity = "SEV2"',
        'status = "draft"',
        'facilitator = "SRE on duty"',
        "participants = [" + ", ".join(basic(p) for p in rng.sample(NAMES, 3) + ["incident commander"]) + "]",
        "",
        "[stakeholders]",
        f"customer_message = {multi(s(1) + chr(10) + s(2))}",
        f"internal_message = {text(s(3))}",
        "reassurances = [" + (nl + "  ").join(text(s(i)) + "," for i in range(4, 6)) + "]",
        "",
        "[monitoring]",
        f"notes = {text(s(6))}",
        f"gaps = [{text(s(7))}]",
        "",
        "[technical]",
        f"analysis = {multi(s(8) + ' ' + s(9))}",
        "",
        "[narrative]",
        f"text = {multi(chr(10).join(s(i) for i in range(len(group))))}",
        f"impact = {text(s(10))}   # trailing comment" if style == "comment" else f"impact = {text(s(10))}",
    ]
    if style == "lint":
        lines += ["", "[lint]", 'words = ["outage", "config"]', "", "[lint.ignore]",
                  '"narrative.text" = ["counterfactual"]', '"factors[F1]" = ["*"]']
    if style == "extensions":
        lines += ["", "[extensions]", 'tool = { x = 1 }']
    for i, (where, sentence) in enumerate(group):
        actor = where.split(":", 1)[1] if where.startswith("timeline:") else rng.choice(NAMES + ["deploy pipeline"])
        lines += ["", "[[timeline]]", f"at = 2026-01-01T10:{i % 60:02d}:00Z", f"actor = {basic(actor)}",
                  f"text = {text(sentence)}"]
    for i, (where, sentence) in enumerate(group):
        entry = ["", "[[factors]]", f'id = "F{i + 1}"', 'category = "process"',
                 f"description = {text(sentence)}", f"whys = [{text(s(i + 1))}, {text(s(i + 2))}]"]
        if style == "order":
            entry = [entry[0], entry[1], entry[4], entry[2], entry[5], entry[3]]
        lines += entry
    for i in range(2):
        lines += ["", "[[actions]]", f'id = "A{i + 1}"', f"title = {text(s(i + 3))}", 'owner = "checkout team"',
                  f"rationale = {text(s(i + 4))}", f"expected_impact = {text(s(i + 5))}"]
    body = nl.join(l for l in lines if l is not None) + nl
    return ident, body


def main():
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(7)
    rows = sentences()
    styles = ["plain", "plain", "crlf", "literal", "comment", "order", "lint", "extensions"]
    n = 0
    for start in range(0, len(rows), 6):
        group = rows[start:start + 6]
        for style in styles[: 2 if start % 12 else len(styles)]:
            ident, body = incident(n, group, rng, style)
            with open(os.path.join(folder, ident + ".toml"), "w", encoding="utf-8", newline="") as f:
                f.write(body)
            n += 1
    for path in glob.glob(os.path.join(ROOT, "examples", "*.toml")) + \
            glob.glob(os.path.join(ROOT, "tests", "fixtures", "**", "*.toml"), recursive=True):
        shutil.copy(path, os.path.join(folder, os.path.basename(path)))


if __name__ == "__main__":
    main()
