#!/usr/bin/env python3
"""Pages (JSON Lines documents) back to the line files the scorers read.

Usage: repair_pages.py PAGES.jsonl OUT.txt [REPORT.jsonl OUT_REPORT]
Writes the "text" field of each page, one page after another, each ended
by a newline: the lines of the text the pages were cut from.  With a
report of the repair of PAGES (`zhtext repair --jsonl --report`, one object
per page), writes it again with each unresolved offset moved from its page
to OUT.txt, so that repair_silent.py can read it as a report of one
document.
"""
import json
import sys


def main():
    starts = []
    pos = 0
    with open(sys.argv[2], "wb") as out:
        for line in open(sys.argv[1], "rb"):
            t = json.loads(line)["text"].encode("utf-8", "surrogateescape") + b"\n"
            starts.append(pos)
            pos += len(t)
            out.write(t)
    if len(sys.argv) > 4:
        with open(sys.argv[4], "w", encoding="utf-8") as out:
            for base, line in zip(starts, open(sys.argv[3], encoding="utf-8")):
                r = json.loads(line)
                for u in r["unresolved"]:
                    u["offset"] += base
                out.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
