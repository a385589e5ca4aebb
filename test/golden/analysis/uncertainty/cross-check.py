#!/usr/bin/env python3
"""Independent cross-check of the uncertainty golden cases (README.md beside this file).

The six communes of the analysis golden case (../criteria.json, ../submissions.json) under
uncertain weights, missing-value policy and aggregation. This script redoes everything with
Python's own tools, not the library: the random streams (sfc32 seeded through MurmurHash3's
finaliser, re-implemented below from its definition), the draws, each leaf's points as an exact
Fraction times the drawn weight rounded half-up once to 2 decimals, the index rounded to 4
decimals, the geometric mean of the pillars with 60-digit Decimal, competition ranks, the set's
rating thresholds, the type-7 quantiles of the ranks as Fractions, and Saltelli's design with the
Saltelli (2010) and Jansen estimators. It writes expected.json, which
test/analysis-uncertainty.test.ts compares with the library.

    python3 test/golden/analysis/uncertainty/cross-check.py      # rewrites expected.json
"""
import json
import math
import os
from decimal import Decimal as D, getcontext, ROUND_HALF_UP
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
M = 0xFFFFFFFF
getcontext().prec = 60

CRITERIA = json.load(open(os.path.join(HERE, '..', 'criteria.json'), encoding='utf-8'))
SUBMISSION = json.load(open(os.path.join(HERE, '..', 'submissions.json'), encoding='utf-8'))
UNITS = SUBMISSION['units']
RATINGS = [(r['id'], F(r['min'])) for r in CRITERIA['ratings']]  # highest first

# ---------------------------------------------------------------- random streams


def fmix32(h):
    h &= M
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & M
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & M
    h ^= h >> 16
    return h


class Sfc32:
    def __init__(self, a, b, c, d, warm):
        self.a, self.b, self.c, self.d = a & M, b & M, c & M, d & M
        for _ in range(warm):
            self.next()

    def next(self):
        t = (self.a + self.b + self.d) & M
        self.d = (self.d + 1) & M
        self.a = self.b ^ (self.b >> 9)
        self.b = (self.c + (self.c << 3)) & M
        self.c = ((self.c << 21) | (self.c >> 11)) & M
        self.c = (self.c + t) & M
        return t / 4294967296


def stream(seed, number, position):
    low, high = seed % 4294967296, seed // 4294967296
    return Sfc32(fmix32(low ^ 0x9E3779B9), fmix32(high ^ 0x243F6A88), fmix32(number ^ 0xB7E15162), fmix32(position ^ 0x85A308D3), 16)


def uniform_integer(rng, lo, hi):
    return lo + math.floor(rng.next() * (hi - lo + 1))


def standard_normal(rng):
    u = 1 - rng.next()
    v = rng.next()
    return math.sqrt(-2 * math.log(u)) * math.cos(2 * math.pi * v)


def gamma(rng, shape):
    if shape < 1:
        boost = math.pow(1 - rng.next(), 1 / shape)
        return gamma(rng, shape + 1) * boost
    d = shape - 1 / 3
    c = 1 / math.sqrt(9 * d)
    while True:
        while True:
            x = standard_normal(rng)
            v = 1 + c * x
            if v > 0:
                break
        v = v * v * v
        u = 1 - rng.next()
        if u < 1 - 0.0331 * x * x * x * x:
            return d * v
        if math.log(u) < 0.5 * x * x + d * (1 - v + math.log(v)):
            return d * v


# ---------------------------------------------------------------- the set, by hand

# Each leaf's share of its points for each unit (None: n/a, 'missing': no value), from submissions.json.
def leaf_fraction(code, unit):
    values = dict(unit['values'])
    values.update(unit.get('appraised', {}))
    if code not in values:
        return 'missing'
    value = values[code]
    if value == 'n/a':
        return None
    if code == 'P.1':  # count, 2 points each, at most 10: min(10, 2n) / 10
        return min(F(10), 2 * F(value)) / 10
    if code == 'P.2':  # linear from 0 to 100
        return min(F(1), max(F(0), F(str(value)) / 100))
    if code == 'P.3':  # boolean
        return F(1) if value is True else F(0)
    if code == 'Q.1':  # ratio, target 1
        return F(value['numerator'], value['denominator']) if value['denominator'] else F(0)
    if code == 'Q.2':  # choice
        return {'a': F(1), 'b': F(1, 2), 'c': F(0)}[value]
    raise ValueError(code)


LEAVES = {'P': [('P.1', 10), ('P.2', 10), ('P.3', 5)], 'Q': [('Q.1', 10), ('Q.2', 5)]}
FRACTIONS = [{code: leaf_fraction(code, unit) for pillar in LEAVES.values() for code, _ in pillar} for unit in UNITS]


def half_up(value, places):
    """A Fraction rounded half-up (values here are >= 0) to `places` decimals, as a Fraction."""
    scaled = value * 10 ** places
    whole = scaled.numerator // scaled.denominator
    if scaled - whole >= F(1, 2):
        whole += 1
    return F(whole, 10 ** places)


def pillar_figures(u, weights, missing):
    """Each pillar's (points, maximum) for unit u: leaf points = fraction × P × w, rounded once
    (w: the leaf's weight times its pillar's, 1 where none is drawn)."""
    out = {}
    for pillar, leaves in LEAVES.items():
        points = F(0)
        maximum = F(0)
        for code, p in leaves:
            w = F(weights.get(pillar, '1')) * F(weights.get(code, '1'))
            fraction = FRACTIONS[u][code]
            if fraction is None or (fraction == 'missing' and missing == 'exclude'):
                continue
            maximum += p * w
            points += half_up((F(0) if fraction == 'missing' else fraction) * p * w, 2)
        out[pillar] = (points, maximum)
    return out


def official_maximum(u, code):
    """A node's maximum for unit u in the official results (missing values count: policy zero)."""
    if code in LEAVES:
        return pillar_figures(u, {}, 'zero')[code][1]
    p = next(points for leaves in LEAVES.values() for leaf, points in leaves if leaf == code)
    return F(0) if FRACTIONS[u][code] is None else F(p)


def index_of(figures, method):
    if method == 'arithmetic':
        points = sum(p for p, _ in figures.values())
        maximum = sum(m for _, m in figures.values())
        return half_up(points / maximum, 4)
    # geometric, weighted by each pillar's maximum, 60 digits, rounded once
    parts = [(p / m, m) for p, m in figures.values() if m > 0]
    if any(share == 0 for share, _ in parts):
        return F(0)
    logs = sum((D(share.numerator) / D(share.denominator)).ln() * D(m.numerator) / D(m.denominator) for share, m in parts)
    weights = sum(D(m.numerator) / D(m.denominator) for _, m in parts)
    value = (logs / weights).exp().quantize(D('0.0001'), rounding=ROUND_HALF_UP)
    return F(value)


def rating_of(index):
    for rating, minimum in RATINGS:
        if minimum <= index:
            return rating
    return None


def competition_ranks(indices):
    return [1 + sum(1 for other in indices if other > mine) for mine in indices]


def model(weights, missing, method):
    indices = [index_of(pillar_figures(u, weights, missing), method) for u in range(len(UNITS))]
    return competition_ranks(indices), [rating_of(i) for i in indices], indices


OFFICIAL_RANKS, OFFICIAL_RATINGS, OFFICIAL_INDICES = model({}, CRITERIA.get('missing', 'zero'), 'arithmetic')


def mean_shift(ranks):
    # Every unit is ranked here: the mean over the units of |rank − official rank|, as float64.
    return sum(abs(r - o) for r, o in zip(ranks, OFFICIAL_RANKS)) / len(ranks)


# ---------------------------------------------------------------- draws


def official_shares(nodes):
    sums = []
    for code in nodes:
        total = 0.0
        for u in range(len(UNITS)):
            total += float(official_maximum(u, code))
        sums.append(total)
    total = 0.0
    for s in sums:
        total += s
    return [s / total for s in sums]


def plan(inputs):
    planned = []
    for spec in inputs:
        if spec['kind'] == 'weights':
            nodes = spec.get('nodes', ['P', 'Q'])
            places = [2 for _ in nodes]  # every point figure has at most 2 decimals times a weight of 2: 2 decimals
            if 'spread' in spec:
                reach = [int(F(spec['spread']) * 10 ** q) for q in places]
                planned.append({'kind': 'weights', 'nodes': nodes, 'places': places, 'reach': reach})
            else:
                planned.append({'kind': 'weights', 'nodes': nodes, 'places': places, 'concentration': float(spec['dirichlet']), 'shares': official_shares(nodes)})
        else:
            planned.append({'kind': spec['kind'], 'options': spec['options']})
    return planned


def weight_text(steps, q):
    """`steps` × 10^−q written with q decimals (`103`, 2 → `1.03`)."""
    return format(D(steps).scaleb(-q), f'.{q}f')


def draw(spec, seed, number, position):
    rng = stream(seed, number, position)
    if spec['kind'] in ('missing', 'aggregation'):
        return {'kind': spec['kind'], 'option': spec['options'][uniform_integer(rng, 0, len(spec['options']) - 1)]}
    weights = {}
    if 'reach' in spec:
        for code, q, reach in zip(spec['nodes'], spec['places'], spec['reach']):
            weights[code] = weight_text(10 ** q + uniform_integer(rng, -reach, reach), q)
        return {'kind': 'weights', 'weights': weights}
    gammas = [gamma(rng, spec['concentration'] * share) for share in spec['shares']]
    total = 0.0
    for g in gammas:
        total += g
    for code, q, g, share in zip(spec['nodes'], spec['places'], gammas, spec['shares']):
        ratio = g / total / share if total > 0 else 1.0
        weights[code] = weight_text(max(1, math.floor(ratio * 10 ** q + 0.5)), q)
    return {'kind': 'weights', 'weights': weights}


def run(draws):
    weights, missing, method = {}, CRITERIA.get('missing', 'zero'), 'arithmetic'
    for d in draws:
        if d['kind'] == 'weights':
            weights.update(d['weights'])
        elif d['kind'] == 'missing':
            missing = d['option']
        else:
            method = d['option']
    ranks, ratings, _ = model(weights, missing, method)
    return ranks, ratings, mean_shift(ranks)


def quantile7(values, percent):
    s = sorted(values)
    n = len(s)
    h = F((n - 1) * percent, 100)
    j = h.numerator // h.denominator
    low = s[j]
    if j + 1 >= n:
        return low
    return low + (h - j) * (s[j + 1] - low)


def number(value):
    """A Fraction as the JSON number the library prints (its shortest float text)."""
    f = float(value)
    return int(f) if f == int(f) else f


def uncertainty_case(name, options):
    planned = plan(options['inputs'])
    seed, samples = options['seed'], options['samples']
    draws, per_sample, shifts = [], [], []
    for i in range(samples):
        ds = [draw(spec, seed, i, j) for j, spec in enumerate(planned)]
        ranks, ratings, shift = run(ds)
        draws.append({'draws': ds, 'ranks': ranks, 'ratings': ratings})
        per_sample.append((ranks, ratings))
        shifts.append(shift)
    total = 0.0
    for s in shifts:
        total += s
    units = []
    for u, unit in enumerate(UNITS):
        ranks = [per_sample[i][0][u] for i in range(samples)]
        ratings = [per_sample[i][1][u] for i in range(samples)]
        units.append({
            'unit': unit['id'],
            'official': {'index': format(D(OFFICIAL_INDICES[u].numerator) / D(OFFICIAL_INDICES[u].denominator), '.4f'), 'rank': OFFICIAL_RANKS[u], 'rating': OFFICIAL_RATINGS[u]},
            'rank': {'median': number(quantile7(ranks, 50)), 'low': number(quantile7(ranks, 5)), 'high': number(quantile7(ranks, 95)), 'samples': samples},
            'ratings': {rid: ratings.count(rid) / samples for rid, _ in RATINGS},
            'unrated': ratings.count(None) / samples,
        })
    return {'name': name, 'kind': 'uncertainty', 'options': options, 'samples': draws, 'result': {'meanRankShift': total / samples, 'units': units}}


def sensitivity_case(name, options):
    planned = plan(options['inputs'])
    seed, n, k = options['seed'], options['samples'], len(options['inputs'])
    outputs = []
    for r in range(n * (k + 2)):
        if r < 2 * n:
            streams = [r] * k
        else:
            j, i = divmod(r - 2 * n, n)
            streams = [n + i if position == j else i for position in range(k)]
        ds = [draw(spec, seed, streams[position], position) for position, spec in enumerate(planned)]
        outputs.append(run(ds)[2])
    mean = 0.0
    for y in outputs[:2 * n]:
        mean += y
    mean /= 2 * n
    squares = 0.0
    for y in outputs[:2 * n]:
        squares += (y - mean) ** 2
    variance = squares / (2 * n - 1)
    indices = []
    for j in range(k):
        s = t = 0.0
        for i in range(n):
            a, b, ab = outputs[i], outputs[n + i], outputs[(2 + j) * n + i]
            s += b * (ab - a)
            t += (a - ab) ** 2
        indices.append({'input': j, 'kind': options['inputs'][j]['kind'], 'first': 0 if variance == 0 else s / n / variance, 'total': 0 if variance == 0 else t / (2 * n) / variance})
    return {'name': name, 'kind': 'sensitivity', 'options': options, 'result': {'runs': n * (k + 2), 'mean': mean, 'variance': variance, 'indices': indices}}


LEAF_CODES = ['P.1', 'P.2', 'P.3', 'Q.1', 'Q.2']
THREE = [{'kind': 'weights', 'nodes': LEAF_CODES, 'spread': '0.5'}, {'kind': 'missing', 'options': ['zero', 'exclude']}, {'kind': 'aggregation', 'options': ['arithmetic', 'geometric']}]
cases = [
    uncertainty_case('leaf weights ±50 %, missing policy and aggregation', {'samples': 40, 'seed': 2026, 'inputs': THREE}),
    uncertainty_case('pillar weights, Dirichlet of concentration 20', {'samples': 30, 'seed': 7, 'inputs': [{'kind': 'weights', 'dirichlet': '20'}]}),
    uncertainty_case('leaf weights, Dirichlet of concentration 10', {'samples': 30, 'seed': 8, 'inputs': [{'kind': 'weights', 'nodes': LEAF_CODES, 'dirichlet': 10}]}),
    sensitivity_case('Sobol indices of the three inputs, N = 16', {'samples': 16, 'seed': 11, 'inputs': THREE}),
]
with open(os.path.join(HERE, 'expected.json'), 'w', encoding='utf-8') as out:
    json.dump({'tolerance': 1e-12, 'cases': cases}, out, ensure_ascii=False, indent=1)
    out.write('\n')
print('official ranks', OFFICIAL_RANKS, 'ratings', OFFICIAL_RATINGS, 'indices', [str(i) for i in OFFICIAL_INDICES])
for case in cases:
    print(case['name'], json.dumps(case['result'])[:300])
