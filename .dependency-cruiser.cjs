/**
 * The layers of src/ (docs/guides/architecture.md): each imports only from the layers before it.
 * `npm run layers` checks them; CI runs it.
 */
const LAYERS = [
  ['foundation', '^src/(exact/|text/|errors\\.ts|path\\.ts|limits\\.ts|order\\.ts|version\\.ts|decimal\\.ts)'],
  ['format', '^src/(format|canonical)/'],
  ['rules', '^src/rules/'],
  ['compile', '^src/compile/'],
  ['input', '^src/input/'],
  ['criteria', '^src/criteria/'],
  ['sets', '^src/sets/'],
  ['scoring', '^src/(scoring|results)/'],
  ['charts', '^src/charts/'],
  ['around', '^src/(versioning|forms|csv|xlsx|report|analysis)/'],
  ['node', '^src/node/'],
  ['cli', '^src/cli/'],
];

/**
 * The folders around the core: each its own entry point, none importing another sideways
 * (charts are a layer of their own below them: the report draws them). `node` is the layer
 * above them: the Node-only side of an entry point (files, worker threads) may use it.
 */
const AROUND = ['versioning', 'forms', 'csv', 'xlsx', 'report', 'analysis'];

const upward = LAYERS.flatMap(([name, path], index) =>
  LAYERS.slice(index + 1).map(([higher, higherPath]) => ({
    name: `${name}-not-to-${higher}`,
    comment: `${name} is below ${higher}: it may not import it`,
    severity: 'error',
    from: { path },
    to: { path: higherPath },
  })),
);

const sideways = AROUND.map((folder) => ({
  name: `${folder}-not-sideways`,
  comment: `${folder} is around the core: it imports the core layers only, never another folder around it`,
  severity: 'error',
  from: { path: `^src/${folder}/` },
  to: { path: `^src/(${AROUND.filter((other) => other !== folder).join('|')})/` },
}));

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'no import cycles', from: { path: '^src/' }, to: { circular: true } },
    ...upward,
    ...sideways,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.json$' },
  },
};
