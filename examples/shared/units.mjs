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
    if (u.evidence) out.evidence = orderValues(u.evidence);
    // The appraisal with its reasons (spec §12) when the generator gave them; the bare values otherwise.
    if (u.appraisal) out.appraisal = orderValues(u.appraisal);
    else if (u.appraised) out.appraised = orderValues(u.appraised);
    return out;
  });
}

/**
 * The appraisal of a unit with its reasons (spec §12), from the appraised values the
 * generator set (`u.appraised`): `reasons` gives each appraised leaf `[reason, note]`
 * (a reason of the default list); `at` the appraisal date, `by` the appraisal team.
 * Every appraised leaf must have its reason: none is left without one silently.
 */
export function withReasons(u, reasons, at, by) {
  const codes = Object.keys(u.appraised ?? {});
  for (const code of codes) if (!(code in reasons)) throw new Error(`${u.id}: ${code} is appraised without a reason`);
  for (const code of Object.keys(reasons)) if (!codes.includes(code)) throw new Error(`${u.id}: a reason for ${code}, which is not appraised`);
  u.appraisal = Object.fromEntries(
    codes.map((code) => {
      const [reason, note] = reasons[code];
      return [code, { value: u.appraised[code], reason, ...(note ? { note } : {}), by, at }];
    }),
  );
}
