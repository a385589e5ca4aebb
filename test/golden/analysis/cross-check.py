#!/usr/bin/env python3
"""Independent cross-check of the analysis golden case (test/golden/analysis/README.md).

The points below are worked by hand from criteria.json and submissions.json (see the README).
This script computes every statistic `describeResults` gives for them with Python's own tools
(statistics with Decimal for the exact quartiles, numpy and scipy for the moments and
correlations, the textbook formula for Cronbach's alpha), checks the formulas against each
other, checks the committed CSV tables (wide.csv, long.csv) with Python's csv reader, and
writes expected.json, which test/analysis-golden.test.ts compares with the library.

    python3 test/golden/analysis/cross-check.py      # rewrites expected.json
"""
import csv
import json
import math
import os
import statistics
from decimal import Decimal as D

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
UNITS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']

# Worked by hand (README): points per leaf (None: not counted), status, full points.
LEAVES = {
    'P.1': {'max': '10.00', 'points': ['10.00', '6.00', '8.00', '2.00', '10.00', '0.00'], 'status': ['scored'] * 6},
    'P.2': {'max': '10.00', 'points': ['8.00', None, '4.50', '2.00', '10.00', '0.00'],
            'status': ['scored', 'not-applicable', 'scored', 'scored', 'scored', 'missing']},
    'P.3': {'max': '5.00', 'points': ['5.00'] * 6, 'status': ['scored'] * 6},
    'Q.1': {'max': '10.00', 'points': ['9.00', '7.00', '3.33', '2.50', '10.00', '0.00'], 'status': ['scored'] * 6},
    'Q.2': {'max': '5.00', 'points': ['0.00', '2.50', '5.00', '5.00', '0.00', '2.50'], 'status': ['scored'] * 6},
}
# Aggregates: points, maximum and index per unit (index = points / maximum, half-up to 4 decimals).
PILLARS = {
    'P': {'points': ['23.00', '11.00', '17.50', '9.00', '25.00', '5.00'], 'max': ['25.00', '15.00', '25.00', '25.00', '25.00', '25.00'],
          'index': ['0.9200', '0.7333', '0.7000', '0.3600', '1.0000', '0.2000']},
    'Q': {'points': ['9.00', '9.50', '8.33', '7.50', '10.00', '2.50'], 'max': ['15.00'] * 6,
          'index': ['0.6000', '0.6333', '0.5553', '0.5000', '0.6667', '0.1667']},
}
TOTAL = {'points': ['32.00', '20.50', '25.83', '16.50', '35.00', '7.50'], 'max': ['40.00', '30.00', '40.00', '40.00', '40.00', '40.00'],
         'index': ['0.8000', '0.6833', '0.6458', '0.4125', '0.8750', '0.1875']}


def half_up(value, places):
    return value.quantize(D(1).scaleb(-places), rounding='ROUND_HALF_UP')


# The hand-worked index values follow from the points: checked, not assumed.
for table in [*PILLARS.values(), TOTAL]:
    for p, m, i in zip(table['points'], table['max'], table['index']):
        assert half_up(D(p) / D(m), 4) == D(i), (p, m, i)
for code, pillar in (('P', ['P.1', 'P.2', 'P.3']), ('Q', ['Q.1', 'Q.2'])):
    for u in range(6):
        parts = [D(LEAVES[c]['points'][u]) for c in pillar if LEAVES[c]['points'][u] is not None]
        assert sum(parts) == D(PILLARS[code]['points'][u]), (code, u)


def g1_adjusted(xs):
    """The adjusted Fisher-Pearson skewness by its formula, from the statistics module's mean."""
    n = len(xs)
    mean = statistics.fmean(xs)
    m2 = sum((x - mean) ** 2 for x in xs) / n
    m3 = sum((x - mean) ** 3 for x in xs) / n
    return math.sqrt(n * (n - 1)) / (n - 2) * m3 / m2 ** 1.5


def distribution(values, status, full):
    """values: Decimal or None per unit; status per unit; full: whether each unit is at full points."""
    present = [v for v in values if v is not None]
    n = len(present)
    floats = [float(v) for v in present]
    q1, median, q3 = statistics.quantiles(present, n=4, method='inclusive')  # type 7, exact on Decimal
    assert np.allclose([float(q1), float(median), float(q3)], np.quantile(floats, [0.25, 0.5, 0.75], method='linear'))
    sd = statistics.stdev(floats)
    assert math.isclose(sd, float(np.std(floats, ddof=1)), rel_tol=1e-12)
    spread = len(set(present)) > 1
    skew = float(stats.skew(floats, bias=False)) if spread else None
    if spread:
        assert math.isclose(skew, g1_adjusted(floats), rel_tol=1e-12, abs_tol=1e-15)
    at_full = sum(1 for v, f in zip(values, full) if v is not None and f)
    at_zero = sum(1 for v in present if v == 0)
    return {
        'n': n,
        'missing': status.count('missing'),
        'notApplicable': status.count('not-applicable'),
        'min': str(min(present)), 'q1': str(q1), 'median': str(median), 'q3': str(q3), 'max': str(max(present)),
        'mean': statistics.fmean(floats), 'sd': sd, 'skew': skew,
        'atFull': at_full, 'atZero': at_zero, 'shareAtFull': at_full / n, 'shareAtZero': at_zero / n,
    }


def dec(xs):
    return [None if x is None else D(x) for x in xs]


def pairwise(x, y):
    pairs = [(a, b) for a, b in zip(x, y) if a is not None and b is not None]
    return [float(a) for a, _ in pairs], [float(b) for _, b in pairs]


def pearson(x, y):
    a, b = pairwise(x, y)
    if len(a) < 2 or len(set(a)) < 2 or len(set(b)) < 2:
        return None
    r = float(stats.pearsonr(a, b)[0])
    assert math.isclose(r, float(np.corrcoef(a, b)[0, 1]), rel_tol=1e-12, abs_tol=1e-15)
    return r


def spearman(x, y):
    a, b = pairwise(x, y)
    if len(a) < 2 or len(set(a)) < 2 or len(set(b)) < 2:
        return None
    rho = float(stats.spearmanr(a, b)[0])
    # The same as Pearson's r of the average ranks.
    assert math.isclose(rho, float(np.corrcoef(stats.rankdata(a), stats.rankdata(b))[0, 1]), rel_tol=1e-12, abs_tol=1e-15)
    return rho


def cronbach(columns):
    complete = [u for u in range(6) if all(c[u] is not None for c in columns)]
    items = np.array([[float(c[u]) for u in complete] for c in columns])
    k = len(columns)
    alpha = k / (k - 1) * (1 - items.var(axis=1, ddof=1).sum() / items.sum(axis=0).var(ddof=1))
    return {'items': k, 'n': len(complete), 'alpha': float(alpha)}


nodes = []
pillar_of = {'P': 'P', 'P.1': 'P', 'P.2': 'P', 'P.3': 'P', 'Q': 'Q', 'Q.1': 'Q', 'Q.2': 'Q'}
for code in ['P', 'P.1', 'P.2', 'P.3', 'Q', 'Q.1', 'Q.2']:
    if code in PILLARS:
        table = PILLARS[code]
        values = dec(table['index'])
        full = [D(p) == D(m) for p, m in zip(table['points'], table['max'])]
        nodes.append({'code': code, 'kind': 'aggregate', 'measure': 'index', 'pillar': code, 'units': 6,
                      **distribution(values, ['scored'] * 6, full), 'flags': []})
        continue
    leaf = LEAVES[code]
    values = dec(leaf['points'])
    full = [v is not None and v == D(leaf['max']) for v in values]
    present = [v for v in values if v is not None]
    flags = []
    if len(set(present)) == 1:
        flags.append('all-full' if all(f for v, f in zip(values, full) if v is not None) else 'all-zero' if present[0] == 0 else 'constant')
    r = pearson(values, dec(PILLARS[pillar_of[code]]['index']))
    if r is not None and r < 0:
        flags.append('negative-pillar-correlation')
    nodes.append({'code': code, 'kind': 'leaf', 'measure': 'points', 'pillar': pillar_of[code], 'units': 6,
                  **distribution(values, leaf['status'], full), 'pillarCorrelation': r, 'flags': flags})

variables = [{'kind': 'leaf', 'code': c} for c in LEAVES] + [{'kind': 'pillar', 'code': c} for c in PILLARS] + [{'kind': 'index', 'code': None}]
columns = [dec(LEAVES[c]['points']) for c in LEAVES] + [dec(PILLARS[c]['index']) for c in PILLARS] + [dec(TOTAL['index'])]


def matrix(f, diagonal):
    return [[(diagonal(x) if i == j else f(x, y)) for j, y in enumerate(columns)] for i, x in enumerate(columns)]


spread = lambda x: 1.0 if len({v for v in x if v is not None}) > 1 else None
expected = {
    'description': 'Written by cross-check.py from the hand-worked points of README.md; compared by test/analysis-golden.test.ts.',
    'tolerance': 1e-12,
    'points': {code: leaf['points'] for code, leaf in LEAVES.items()},
    'index': {code: table['index'] for code, table in PILLARS.items()} | {'total': TOTAL['index']},
    'cohort': {
        'level': 'commune', 'group': None, 'units': 6,
        'index': distribution(dec(TOTAL['index']), ['scored'] * 6, [D(p) == D(m) for p, m in zip(TOTAL['points'], TOTAL['max'])]),
        'nodes': nodes,
        'correlations': {
            'variables': variables,
            'pearson': matrix(pearson, spread),
            'spearman': matrix(spearman, spread),
            'n': [[len(pairwise(x, y)[0]) for y in columns] for x in columns],
        },
        'alpha': [{'code': 'P', **cronbach([dec(LEAVES[c]['points']) for c in ('P.1', 'P.2', 'P.3')])},
                  {'code': 'Q', **cronbach([dec(LEAVES[c]['points']) for c in ('Q.1', 'Q.2')])}],
        'flags': [{'code': n['code'], 'flag': f} for n in nodes for f in n['flags']],
    },
}

# The committed tables, read as a spreadsheet or pandas would: numbers where the hand table has them, empty where a node does not count.
with open(os.path.join(HERE, 'wide.csv'), newline='', encoding='utf-8') as f:
    wide = list(csv.DictReader(f))
assert [row['unit'] for row in wide] == UNITS
for u, row in enumerate(wide):
    for code, leaf in LEAVES.items():
        cell = row[f'{code}.points']
        assert (cell == '') == (leaf['points'][u] is None), (code, u, cell)
        if cell != '':
            assert D(cell) == D(leaf['points'][u]) and float(cell) == float(leaf['points'][u]), (code, u, cell)
        assert row[f'{code}.status'] == leaf['status'][u], (code, u)
    assert D(row['index']) == D(TOTAL['index'][u])
assert wide[3]['Q.1.appraisedInput.numerator'] == '1' and wide[3]['Q.1.input.denominator'] == '4'
with open(os.path.join(HERE, 'long.csv'), newline='', encoding='utf-8') as f:
    long = list(csv.DictReader(f))
assert len(long) == 6 * 7
for row in long:
    u = UNITS.index(row['unit'])
    source = LEAVES.get(row['code'])
    expected_points = source['points'][u] if source else PILLARS[row['code']]['points'][u]
    assert (row['points'] == '') == (expected_points is None), row
    if row['points'] != '':
        assert D(row['points']) == D(expected_points), row

with open(os.path.join(HERE, 'expected.json'), 'w', encoding='utf-8') as f:
    json.dump(expected, f, ensure_ascii=False, indent=2)
    f.write('\n')
print('expected.json written; wide.csv and long.csv agree with the hand-worked points')
