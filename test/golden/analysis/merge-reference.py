"""Independent reference for test/analysis-merge.test.ts: merges units of a results file with Python's
exact fractions (not the library's code), half-up rounding once.

    /usr/bin/python3 test/golden/analysis/merge-reference.py results.json > test/golden/analysis/merge-communes.json

The crosswalk and the main nodes (the pillars of can-tho@2022.1.0) are below; a main node's weight is its
maximum averaged over the predecessors where it counts.
"""
import json
import sys
from fractions import Fraction

from half_up import half_up

CROSSWALK = [
    {"successor": "phuong-ninh-kieu-1", "predecessors": ["phuong-an-binh", "phuong-an-cu", "phuong-an-hoa"]},
    {"successor": "xa-phong-dien-1", "predecessors": ["thi-tran-phong-dien", "xa-nhon-ai", "xa-tan-thoi", "xa-truong-long"]},
    {"successor": "xa-giai-xuan", "predecessors": ["xa-giai-xuan"]},
    {"successor": "phuong-cai-khe", "name": "Phường Cái Khế (mới)", "predecessors": ["phuong-cai-khe", "phuong-xuan-khanh"]},
]
MAIN = ["CQS", "KTS", "XHS"]





def share(points, maximum):
    if points is None or maximum is None or Fraction(maximum) == 0:
        return None
    return Fraction(points) / Fraction(maximum)


def main():
    results = {r["unit"]: r for r in json.load(open(sys.argv[1], encoding="utf-8"))["results"]}
    out = {}
    for entry in CROSSWALK:
        found = [results[u] for u in entry["predecessors"]]
        shares = [s for s in (share(r["points"], r["maxPoints"]) for r in found) if s is not None]
        mean_of_indices = sum(shares, Fraction(0)) / len(shares)
        points = sum((Fraction(r["points"]) for r in found), Fraction(0))
        maximum = sum((Fraction(r["maxPoints"]) for r in found), Fraction(0))
        nodes = {}
        weighted, weights = Fraction(0), Fraction(0)
        for code in MAIN:
            counted = [r["nodes"][code] for r in found if share(r["nodes"][code]["points"], r["nodes"][code]["maxPoints"]) is not None]
            if not counted:
                nodes[code] = None
                continue
            m = sum((share(n["points"], n["maxPoints"]) for n in counted), Fraction(0)) / len(counted)
            weight = sum((Fraction(n["maxPoints"]) for n in counted), Fraction(0)) / len(counted)
            nodes[code] = half_up(m, 4)
            weighted += m * weight
            weights += weight
        out[entry["successor"]] = {
            "mean-of-indices": half_up(mean_of_indices, 4),
            "mean-of-main-indices": {"index": half_up(weighted / weights, 4), "nodes": nodes},
            "pooled-points": {"index": half_up(points / maximum, 4), "points": half_up(points, 2), "maxPoints": half_up(maximum, 2)},
        }
    json.dump({"crosswalk": CROSSWALK, "expected": out}, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


main()
