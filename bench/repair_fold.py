#!/usr/bin/env python3
"""Fold full-width forms to ASCII, as the real pages were folded after the
damage (and as sim_damage -f does): U+FF01..U+FF5E to U+0021..U+007E,
U+3000 to a space.  stdin to stdout: the reference for folded damage."""
import sys

TABLE = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
TABLE[0x3000] = 0x20
sys.stdout.write(sys.stdin.read().translate(TABLE))
