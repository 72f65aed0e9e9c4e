#!/usr/bin/env python3
"""Reduce OpenCC's data/config/*.json to one line per configuration.

Output columns (tab-separated): name, description, normalization,
segmentation, conversion chain.  A dictionary expression is written as

    A          one dictionary (file name without .ocd2)
    A|B        a union group: the longest match of A and B, A first on ties
    A|B,C      a short-circuit group: the first member that matches at all
               wins; a member may itself be a union
    X;Y        a chain of stages (normalization and conversion columns)
    -          nothing (no normalization or no segmentation)

Dictionaries marked may_output_tofu are kept: zhtext loads every dictionary,
as OpenCC's library does with include_tofu_risk_dictionaries.
"""
import json
import os
import sys

ORDER = ["s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s",
         "s2hkp", "hk2sp", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t"]


def leaf(d):
    if d["type"] != "ocd2":
        sys.exit("unsupported dictionary type: %s" % d["type"])
    return d["file"][:-len(".ocd2")]


def union(d):
    if d["type"] != "group":
        return leaf(d)
    if d.get("match_policy") != "union":
        sys.exit("a short-circuit group inside a group is not supported")
    return "|".join(union(x) for x in d["dicts"])


def expr(d):
    if d["type"] != "group":
        return leaf(d)
    if d.get("match_policy", "short_circuit") == "union":
        return union(d)
    return ",".join(union(x) for x in d["dicts"])


def main():
    folder = sys.argv[1]
    for name in ORDER:
        with open(os.path.join(folder, name + ".json"), encoding="utf-8") as f:
            c = json.load(f)
        norm = ";".join(expr(s["dict"]) for s in c.get("normalization", [])) or "-"
        seg = expr(c["segmentation"]["dict"]) if "segmentation" in c else "-"
        if "segmentation" in c and c["segmentation"]["type"] != "mmseg":
            sys.exit("unsupported segmentation in " + name)
        chain = ";".join(expr(s["dict"]) for s in c["conversion_chain"])
        print("\t".join([name, c["name"], norm, seg, chain]))


if __name__ == "__main__":
    main()
