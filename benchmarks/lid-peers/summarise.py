#!/usr/bin/env python3
"""Turns the JSON lines of peers.mjs and LinguaPeers.cs into a Markdown table (accuracy per category, µs per item)."""
import json, sys

CATS = ["en/sentence", "en/sentence-vi-names", "en/short", "vi/sentence", "vi/sentence-unaccented", "vi/short", "vi/short-unaccented"]
results, errors = [], []
for line in sys.stdin:
    line = line.strip()
    if not line.startswith("{"):
        continue
    o = json.loads(line)
    (errors if "error" in o else results).append(o)
print("| detector | " + " | ".join(CATS) + " | µs per item |")
print("|---" * (len(CATS) + 2) + "|")
for o in results:
    cells = []
    for c in CATS:
        ok, n = o["counts"].get(c, [0, 0])
        cells.append(f"{100 * ok / n:.2f}" if n else "–")
    print(f"| {o['name']} | " + " | ".join(cells) + f" | {o['microsPerItem']:.1f} |")
n = {c: results[0]["counts"].get(c, [0, 0])[1] for c in CATS} if results else {}
print()
print("Items per category: " + ", ".join(f"{c} {n[c]}" for c in CATS) + ".")
for o in errors:
    print(f"\n{o['name']}: could not run ({o['error']})")
