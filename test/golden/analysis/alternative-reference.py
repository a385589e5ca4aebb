"""Independent reference for test/analysis-alternative.test.ts: each unit's index by another aggregation of
its pillars, with Python's fractions (arithmetic, minimum) and its decimal module at 60 digits (geometric),
half-up rounding once to 4 decimals. Not the library's code.

    /usr/bin/python3 test/golden/analysis/alternative-reference.py results.json > test/golden/analysis/alternative-2022.json
"""
import json
import sys
from decimal import Decimal, getcontext, ROUND_HALF_UP
from fractions import Fraction

from half_up import half_up

getcontext().prec = 60
PILLARS = ["CQS", "KTS", "XHS"]




def parts(result, weights):
    out = []
    for code in PILLARS:
        node = result["nodes"].get(code)
        if node is None or node["status"] == "info" or node["points"] is None or node["maxPoints"] is None or Fraction(node["maxPoints"]) == 0:
            continue
        share = Fraction(node["points"]) / Fraction(node["maxPoints"])
        out.append((share, Fraction(node["maxPoints"]) if weights == "points" else Fraction(1)))
    return out


def index(result, method, weights):
    ps = parts(result, weights)
    if not ps:
        return None
    if method == "arithmetic":
        return half_up(sum(s * w for s, w in ps) / sum(w for _, w in ps))
    if method == "minimum":
        return half_up(min(s for s, _ in ps))
    if any(s == 0 for s, _ in ps):
        return half_up(Fraction(0))
    logs = sum((Decimal(s.numerator) / Decimal(s.denominator)).ln() * Decimal(w.numerator) / Decimal(w.denominator) for s, w in ps)
    value = (logs / Decimal(sum(w for _, w in ps).numerator) * Decimal(sum(w for _, w in ps).denominator)).exp()
    return str(value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


results = json.load(open(sys.argv[1], encoding="utf-8"))["results"]
out = {r["unit"]: {f"{m}/{w}": index(r, m, w) for m in ["arithmetic", "geometric", "minimum"] for w in ["points", "equal"]} for r in results}
json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write("\n")
