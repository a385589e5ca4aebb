#!/usr/bin/env bash
# The package as users get it: pack the tarball, install it into a fresh project
# outside the repository, and use it from Node ESM, Node CommonJS, ts-node
# (CommonJS TypeScript, the analysts' way), tsx, a Vite build in headless
# Chromium and the `dti` bin. Every consumer scores the Cần Thơ 2022 examples
# and writes its report JSON; all must be byte-identical. Also: publint and
# attw on the tarball, `npm audit --omit=dev` in the fresh project.
#
# usage (from the repository root, after `npm run build`):
#   bash .ci/consumer/run.sh
# env: DTI_CONSUMER_KEEP=1 keeps the temporary directory (its path is printed);
#      CHROMIUM_PATH overrides /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/.ci/consumer
export npm_config_fund=false npm_config_update_notifier=false npm_config_audit=false npm_config_loglevel=error

for f in dist/index.js dist/index.cjs dist/csv.js dist/node.cjs dist/cli.cjs; do
  [[ -f $f ]] || { echo "consumer check: $f is missing; run 'npm run build' first" >&2; exit 2; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dti-consumer.XXXXXX")
cleanup() {
  if [[ ${DTI_CONSUMER_KEEP:-} == 1 ]]; then echo "consumer check: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

T0=$(date +%s%N)
TS=$T0
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
step() { echo "== consumer: $1"; TS=$(date +%s%N); }
took() { echo "   ($(ms "$TS") ms)"; }

step "npm pack"
mkdir -p "$WORK/pack"
TARBALL_NAME=$(npm pack --pack-destination "$WORK/pack" --silent | tail -n 1)
TARBALL=$WORK/pack/$TARBALL_NAME
[[ -f $TARBALL ]] || { echo "npm pack produced no $TARBALL" >&2; exit 1; }
echo "   $TARBALL_NAME: $(du -k "$TARBALL" | cut -f1) kB packed"
took

step "publint --strict and attw on the tarball"
PUBLINT_OUT=$(npx --no -- publint --strict "$TARBALL" 2>&1) || { echo "$PUBLINT_OUT"; exit 1; }
if ! grep -q 'All good!' <<<"$PUBLINT_OUT"; then echo "$PUBLINT_OUT"; echo "publint reported something (suggestions count)" >&2; exit 1; fi
echo "   publint: all good"
npx --no -- attw "$TARBALL" --format table-flipped > "$WORK/attw.txt" 2>&1 || { cat "$WORK/attw.txt"; echo "attw reported problems" >&2; exit 1; }
echo "   attw (default profile: node10, node16 from CJS and ESM, bundler): no problems"
took

step "fresh project: npm install <tarball> and the consumer tools"
APP=$WORK/app
mkdir -p "$APP"
cp -R "$HERE/project/." "$APP/"
for f in submissions.json submissions.csv; do cp "examples/can-tho-2022/$f" "$APP/$f"; done
cp examples/can-tho-2022/submissions.json "$APP/web/submissions.json"
TSX_VERSION=$(node -p "require('./node_modules/tsx/package.json').version")
node - "$APP/package.json" "file:../pack/$TARBALL_NAME" "$TSX_VERSION" <<'EOF'
const [file, tarball, tsx] = process.argv.slice(2);
const pkg = {
  name: 'dti-criteria-consumer-check',
  private: true,
  type: 'commonjs',
  dependencies: { 'dti-criteria': tarball },
  devDependencies: {
    '@types/node': '^20',
    'playwright-core': '1.65.1',
    'ts-node': '10.9.2',
    tsx,
    typescript: '5.9.3',
    vite: '8.3.8',
  },
};
require('node:fs').writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
EOF
(cd "$APP" && npm install --prefer-offline --no-audit --no-fund > "$WORK/npm-install.txt" 2>&1) || { cat "$WORK/npm-install.txt"; exit 1; }
INSTALLED=$(cd "$APP" && node -p "require('dti-criteria/package.json').version")
echo "   dti-criteria@$INSTALLED installed from the tarball into $APP"
took

step "npm audit --omit=dev (the package's runtime dependency tree)"
AUDIT_RC=0
(cd "$APP" && npm audit --omit=dev --json > "$WORK/audit.json" 2> "$WORK/audit.err") || AUDIT_RC=$?
node - "$WORK/audit.json" "$WORK/audit.err" "$AUDIT_RC" <<'EOF'
const fs = require('node:fs');
const [jsonFile, errFile, rc] = process.argv.slice(2);
let audit;
try { audit = JSON.parse(fs.readFileSync(jsonFile, 'utf8')); } catch { audit = undefined; }
const err = fs.readFileSync(errFile, 'utf8');
if (audit && audit.metadata && audit.metadata.vulnerabilities) {
  const v = audit.metadata.vulnerabilities;
  const total = v.total ?? Object.values(v).reduce((a, b) => a + b, 0);
  if (total > 0) {
    for (const [name, entry] of Object.entries(audit.vulnerabilities ?? {})) console.error(`   ${entry.severity}: ${name} ${entry.range ?? ''}`);
    console.error(`   npm audit --omit=dev: ${total} advisories (${JSON.stringify(v)})`);
    process.exit(1);
  }
  console.log(`   npm audit --omit=dev: clean (${audit.metadata.dependencies?.prod ?? '?'} production packages)`);
} else if ((audit && (audit.statusCode || audit.error)) || /audit endpoint returned an error/.test(err)) {
  // The audit endpoint itself failed (here: 405 from a registry that has no bulk advisory API): report, don't fail.
  const what = (audit && audit.message) || err.trim().split('\n')[0];
  console.log(`   npm audit --omit=dev: NOT CHECKED, the audit endpoint answered with an error: ${what}`);
} else {
  console.error(`   npm audit --omit=dev failed (exit ${rc}) without a report:\n${fs.readFileSync(jsonFile, 'utf8')}\n${err}`);
  process.exit(1);
}
EOF
took

cd "$APP"

step "Node ESM: import 'dti-criteria', 'dti-criteria/csv', 'dti-criteria/node'"
node esm.mjs
took

step "Node CommonJS: require(...)"
node cjs.cjs
took

step "tsc (CommonJS TypeScript, module node16): types come from the shipped .d.cts"
npx --no -- tsc --project tsconfig.json --listFiles > "$WORK/tsc-files.txt" || { cat "$WORK/tsc-files.txt"; exit 1; }
grep -q '/node_modules/dti-criteria/dist/index\.d\.cts$' "$WORK/tsc-files.txt" || { echo "tsc did not take dist/index.d.cts:"; grep dti-criteria "$WORK/tsc-files.txt"; exit 1; }
took

step "ts-node (CommonJS, type-checked)"
npx --no -- ts-node analyst.ts ts-node
took

step "tsx"
npx --no -- tsx analyst.ts tsx
took

step "Vite build (types through the bundler resolution and dist/index.d.ts)"
npx --no -- tsc --project web/tsconfig.json
(cd web && npx --no -- vite build > "$WORK/vite.txt" 2>&1) || { cat "$WORK/vite.txt"; exit 1; }
if grep -Eiq 'externalized for browser compatibility|has been externalized' "$WORK/vite.txt"; then
  cat "$WORK/vite.txt"; echo "the browser bundle pulls in a Node built-in" >&2; exit 1
fi
grep -E '\.js +[0-9.]+ kB' "$WORK/vite.txt" | sed 's/^/   /' || true
took

step "headless Chromium (playwright-core, ${CHROMIUM_PATH:-/usr/bin/chromium})"
node browser.mjs
took

step "bin: npx dti score"
[[ $(npx --no -- dti --version) == "$INSTALLED" ]] || { echo "dti --version does not print $INSTALLED" >&2; exit 1; }
npx --no -- dti score submissions.json --format json --pretty > out/cli-json.json
npx --no -- dti score submissions.csv --format json --period 2022 --pretty > out/cli-csv.json
npx --no -- dti score submissions.json > "$WORK/table.txt"
echo "   table output: $(wc -l < "$WORK/table.txt") lines"
took

step "reports compared byte for byte"
node compare.mjs esm cjs ts-node tsx browser cli

echo "== consumer check passed in $(( $(ms "$T0") / 1000 )) s"
