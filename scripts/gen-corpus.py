#!/usr/bin/env python3
"""Writes N incident files of about 12 KB each (FORMAT.md schema 1) into a folder.

Usage: gen-corpus.py FOLDER [N]
"""
import os
import random
import sys

SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"]
STATUSES = ["draft", "in_review", "published"]
MILESTONES = ["impact_started", "detected", "declared", "mitigated", "resolved"]
CATEGORIES = ["technical", "tooling", "process", "communication", "people", "organizational", "external"]
EFFECTS = ["contributor", "mitigator", "luck"]
KINDS = ["detect", "mitigate", "prevent", "process", "other"]
PRIORITIES = ["high", "medium", "low"]
ACTION_STATUSES = ["open", "in_progress", "done", "wont_do"]
WORDS = ("the config push removed every upstream from the checkout pool and the linter "
         "accepted the empty list because the schema marks it optional while alerts fired "
         "within a minute and the on-call engineer paged the payments team").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def text(rng, lines, words=14):
    return "\n".join(sentence(rng, words) for _ in range(lines))


def ml(value):
    return '"""\n' + value + '"""'


def incident(i, rng):
    year = 2000 + i % 26
    month = 1 + i % 12
    day = 1 + i % 28
    date = f"{year:04d}-{month:02d}-{day:02d}"
    title = f"Checkout API errors after config push number {i}"
    ident = f"{date}-checkout-api-errors-after-config-push-number-{i}"
    out = [
        "schema_version = 1",
        f'id = "{ident}"',
        f'title = "{title}"',
        f'severity = "{rng.choice(SEVERITIES)}"',
        f'status = "{rng.choice(STATUSES)}"',
        'timezone = "Europe/London"',
        'services = ["checkout-api", "payments"]',
        'tags = ["config-change"]',
        'facilitator = "SRE on duty"',
        'participants = ["incident commander", "checkout on-call", "payments SME"]',
        f"created_at = {date}T09:30:00Z",
        f"updated_at = {date}T10:12:41Z",
        "",
        "[stakeholders]",
        f"customer_message = {ml(text(rng, 4))}",
        f"internal_message = {ml(text(rng, 6))}",
        'reassurances = ["No card data was exposed.", "No orders were lost."]',
        "",
        "[monitoring]",
        f"notes = {ml(text(rng, 4))}",
        'gaps = ["No alert on the config push itself."]',
        "",
        "[[monitoring.metrics]]",
        'name = "checkout 5xx rate"',
        'source = "https://grafana.example/d/abc?from=1&to=2"',
        'unit = "%"',
        "baseline = 0.2",
        "peak = 38.0",
        'note = "Baseline is the 7-day median for the same hour."',
        "",
        "[technical]",
        f"expected_behavior = {ml(text(rng, 5))}",
        f"actual_behavior = {ml(text(rng, 5))}",
        f"analysis = {ml(text(rng, 6))}",
        f"future_risks = {ml(text(rng, 4))}",
        "",
        "[narrative]",
        f"text = {ml(text(rng, 6))}",
        f"impact = {ml(text(rng, 3))}",
    ]
    for n in range(20):
        minute = n * 3
        out += [
            "",
            "[[timeline]]",
            f"at = {date}T{14 + minute // 60:02d}:{minute % 60:02d}:00Z",
            f'actor = "{rng.choice(["deploy pipeline", "checkout on-call", "payments SME"])}"',
            'role = "incident commander"',
            'channel = "#inc-2417"',
            f'text = "{sentence(rng, 12)}"',
        ]
        if n < len(MILESTONES):
            out.append(f'milestone = "{MILESTONES[n]}"')
        if n % 7 == 3:
            out.append("internal_only = true")
    for n in range(1, 7):
        whys = ", ".join(f'"{sentence(rng, 8)}"' for _ in range(3))
        out += [
            "",
            "[[factors]]",
            f'id = "F{n}"',
            f'category = "{rng.choice(CATEGORIES)}"',
            f'effect = "{rng.choice(EFFECTS)}"',
            f'description = "{sentence(rng, 12)}"',
            f"whys = [{whys}]",
        ]
    for n in range(1, 6):
        out += [
            "",
            "[[actions]]",
            f'id = "A{n}"',
            f'title = "{sentence(rng, 7)}"',
            f'kind = "{rng.choice(KINDS)}"',
            'owner = "checkout team"',
            f"due = {year + rng.choice([0, 1, 30]):04d}-{month:02d}-{day:02d}",
            f'priority = "{rng.choice(PRIORITIES)}"',
            f'status = "{rng.choice(ACTION_STATUSES)}"',
            f'factors = ["F{n}"]',
            f'rationale = "{sentence(rng, 10)}"',
            f'expected_impact = "{sentence(rng, 10)}"',
            f'tracker = "https://tracker.example/CHK-{n}"',
        ]
    return ident, "\n".join(out) + "\n"


def main():
    folder = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(42)
    for i in range(count):
        ident, body = incident(i, rng)
        with open(os.path.join(folder, ident + ".toml"), "w", encoding="utf-8") as f:
            f.write(body)


if __name__ == "__main__":
    main()
