#!/usr/bin/env python3
"""Builds a Slack workspace export ZIP for the import benchmark (scripts/bench-import.sh).

Usage: gen-slack-export.py OUT.zip MESSAGES OTHER_BYTES

One channel, `inc-bench`, holds MESSAGES messages (plain, threaded, bots with attachments,
joins, mentions and links) in 100 day files, compressed as Slack's exports are (deflate).
The other channels fill about OTHER_BYTES of day files, as a large workspace would; their
members are stored uncompressed, so that building the file stays quick (the importer never
opens them, so how they are compressed does not matter to it). All text is invented.
"""

import json
import random
import sys
import zipfile

out, messages, other_bytes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(2417)
users = [
    {"id": f"U{n:08d}", "name": f"user{n}", "real_name": f"User {n}", "deleted": False,
     "is_bot": False, "profile": {"display_name": f"user{n}", "real_name": f"User {n}",
                                  "title": rng.choice(["SRE", "Backend", "", "Incident commander"])}}
    for n in range(500)
]
words = ("checkout pool config deploy rollback error rate shard latency alert page "
         "restart canary region database queue retry timeout").split()

def text():
    parts = [rng.choice(words) for _ in range(rng.randint(4, 24))]
    r = rng.random()
    if r < 0.2:
        parts.insert(0, f"<@{rng.choice(users)['id']}>")
    elif r < 0.3:
        parts.append("<https://grafana.example/d/abc?from=1&amp;to=2|dashboard>")
    return " ".join(parts)

start = 1710252000
channels = [{"id": "CBENCH0001", "name": "inc-bench", "created": start, "creator": users[0]["id"],
             "members": [u["id"] for u in users[:20]]}]
day_template = json.dumps([{"type": "message", "user": users[1]["id"], "text": text(),
                            "ts": f"{start + i}.000100"} for i in range(40)], indent=1).encode()
other_channels = max(1, other_bytes // (len(day_template) * 365))
for c in range(other_channels):
    channels.append({"id": f"C{c:09d}", "name": f"team-{c}", "created": start,
                     "creator": users[0]["id"], "members": []})

with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    z.writestr("channels.json", json.dumps(channels))
    z.writestr("users.json", json.dumps(users))
    per_day = -(-messages // 100)
    ts = start
    for day in range(100):
        batch = []
        for i in range(min(per_day, messages - day * per_day)):
            ts += rng.randint(1, 60)
            r = rng.random()
            if r < 0.05:
                m = {"type": "message", "subtype": "bot_message", "bot_id": "B1", "username": "PagerDuty",
                     "text": "", "attachments": [{"id": 1, "fallback": "Triggered: " + text(), "color": "D00000"}]}
            elif r < 0.06:
                u = rng.choice(users)["id"]
                m = {"type": "message", "subtype": "channel_join", "user": u, "text": f"<@{u}> has joined the channel"}
            else:
                m = {"type": "message", "user": rng.choice(users)["id"], "text": text(),
                     "client_msg_id": f"{rng.getrandbits(64):016x}", "team": "T1"}
                if r < 0.2:
                    m["thread_ts"] = f"{ts - 30}.000100"
                    m["parent_user_id"] = users[0]["id"]
            m["ts"] = f"{ts}.{i:06d}"
            batch.append(m)
        z.writestr(f"inc-bench/2024-{1 + day // 28:02d}-{1 + day % 28:02d}.json", json.dumps(batch, indent=1))
    written = 0
    for c in range(other_channels):
        for d in range(365):
            info = zipfile.ZipInfo(f"team-{c}/day-{d:03d}.json")
            info.compress_type = zipfile.ZIP_STORED
            z.writestr(info, day_template)
            written += len(day_template)
            if written >= other_bytes:
                break
        if written >= other_bytes:
            break
