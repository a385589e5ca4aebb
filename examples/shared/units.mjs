// Shaping of generated units, shared by the example generators (synthetic data only).

/** Whether a leaf of a generator's table applies to a unit: department groups, else points at the level. */
export const applies = (leaf, unit) =>
  unit.level === 'department' ? (leaf.dep ?? []).includes(unit.group) : leaf.P[unit.level] !== undefined;

/**
 * The units as a submission lists them: fixed key order, values in leaf-code order,
 * and a check that no value was generated for a leaf that does not apply.
 */
export function outputUnits(units, leaves) {
  const orderValues = (values) =>
    Object.fromEntries(leaves.filter((l) => l.code in values).map((l) => [l.code, values[l.code]]));
  return units.map((u) => {
    for (const code of Object.keys(u.values)) {
      if (!leaves.find((l) => l.code === code && applies(l, u))) throw new Error(`${u.id}: ${code} does not apply`);
    }
    const out = { id: u.id, name: u.name, level: u.level };
    if (u.group) out.group = u.group;
    out.parent = u.parent;
    out.values = orderValues(u.values);
    if (u.appraised) out.appraised = orderValues(u.appraised);
    return out;
  });
}
