#!/usr/bin/env bash
# The analyst's notebook (analyst.ipynb: TypeScript, tslab kernel), executed end to end with
# Debian's Jupyter, as CI runs it:
#   1. build the library (skipped with --no-build: dist/ must then be there) and pack it;
#   2. install this folder's project from its lock file (tslab), then the tarball by name
#      (`npm install --no-save`: package.json and the lock file stay as committed);
#   3. register the tslab kernel for /usr/bin/python3 in a private Jupyter directory: the
#      machine's Jupyter configuration and kernels are neither read nor changed;
#   4. execute the notebook with nbconvert (it fails when a cell fails), then check the
#      executed copy: no cell wrote an error, and the table, the SVG chart and the
#      explanation are there (check-executed.cjs). A failed cell is shown with its message;
#   5. check that docs/guides/analysis-notebook.md (the notebook with its outputs, a page of the
#      guides) is what this run printed (render-guide.cjs).
#
# usage: bash examples/notebooks/run.sh [--no-build]     (npm run example:notebook at the root)
# needs: Node 20+, npm, and Debian's jupyter-notebook python3-nbconvert python3-ipykernel.
# env: DTI_NOTEBOOK_KEEP=1 keeps the temporary directory (its path is printed);
#      DTI_NOTEBOOK_OUT=<file.ipynb> copies the executed notebook there;
#      DTI_NOTEBOOK_GUIDE=write rewrites docs/guides/analysis-notebook.md and its charts from this run;
#      DTI_NOTEBOOK_PYTHON overrides /usr/bin/python3 (a Python with nbconvert and jupyter_client).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PY=${DTI_NOTEBOOK_PYTHON:-/usr/bin/python3}
export npm_config_fund=false npm_config_update_notifier=false npm_config_audit=false npm_config_loglevel=error

BUILD=1
for arg in "$@"; do
  case $arg in
    --no-build) BUILD=0 ;;
    *) echo "usage: bash examples/notebooks/run.sh [--no-build]" >&2; exit 2 ;;
  esac
done

"$PY" -c 'import nbconvert, nbclient, jupyter_client' 2>/dev/null || {
  echo "notebook check: $PY has no nbconvert / jupyter_client; on Debian: apt-get install -y --no-install-recommends jupyter-notebook python3-nbconvert python3-ipykernel" >&2
  exit 2
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dti-notebook.XXXXXX")
cleanup() {
  if [[ ${DTI_NOTEBOOK_KEEP:-} == 1 ]]; then echo "notebook check: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

T0=$(date +%s%N)
TS=$T0
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
step() { echo "== notebook: $1"; TS=$(date +%s%N); }
took() { echo "   ($(ms "$TS") ms)"; }

if [[ $BUILD == 1 ]]; then
  step "build the library"
  (cd "$ROOT" && npm run build > "$WORK/build.txt" 2>&1) || { cat "$WORK/build.txt"; exit 1; }
  took
fi
for f in dist/index.cjs dist/sets.cjs dist/charts.cjs dist/index.d.cts dist/sets.d.cts dist/charts.d.cts; do
  [[ -f $ROOT/$f ]] || { echo "notebook check: $f is missing; run 'npm run build' first (or drop --no-build)" >&2; exit 2; }
done

step "npm pack"
mkdir -p "$WORK/pack"
TARBALL_NAME=$(cd "$ROOT" && npm pack --pack-destination "$WORK/pack" --silent | tail -n 1)
TARBALL=$WORK/pack/$TARBALL_NAME
[[ -f $TARBALL ]] || { echo "npm pack produced no $TARBALL" >&2; exit 1; }
echo "   $TARBALL_NAME"
took

step "install the notebook project (npm ci: tslab) and the tarball by name"
cp "$HERE/package.json" "$WORK/package.json.before"
cp "$HERE/package-lock.json" "$WORK/package-lock.json.before"
(cd "$HERE" && npm ci --prefer-offline > "$WORK/npm-ci.txt" 2>&1) || { cat "$WORK/npm-ci.txt"; exit 1; }
(cd "$HERE" && npm install --no-save --prefer-offline "$TARBALL" > "$WORK/npm-install.txt" 2>&1) || { cat "$WORK/npm-install.txt"; exit 1; }
cmp -s "$HERE/package.json" "$WORK/package.json.before" && cmp -s "$HERE/package-lock.json" "$WORK/package-lock.json.before" || {
  echo "npm install --no-save changed package.json or package-lock.json in $HERE" >&2; exit 1
}
INSTALLED=$(cd "$HERE" && node -p "require('dti-criteria/package.json').version")
TSLAB=$HERE/node_modules/.bin/tslab
echo "   dti-criteria@$INSTALLED from the tarball; $("$TSLAB" --version)"
took

step "register the tslab kernel for $PY in a private Jupyter directory"
export JUPYTER_PATH=$WORK/jupyter/share/jupyter
export JUPYTER_DATA_DIR=$WORK/jupyter-data JUPYTER_CONFIG_DIR=$WORK/jupyter-config JUPYTER_RUNTIME_DIR=$WORK/jupyter-runtime IPYTHONDIR=$WORK/ipython
(cd "$HERE" && "$TSLAB" install --python="$PY" --binary="$TSLAB" --prefix="$WORK/jupyter" > "$WORK/tslab-install.txt" 2>&1) || { cat "$WORK/tslab-install.txt"; exit 1; }
KERNEL=$("$PY" -c 'from jupyter_client.kernelspec import KernelSpecManager; print(KernelSpecManager().get_kernel_spec("tslab").argv[0])')
[[ $KERNEL == "$TSLAB" ]] || { echo "the tslab kernel resolves to $KERNEL, not $TSLAB" >&2; exit 1; }
echo "   kernel tslab: $TSLAB"
took

step "execute analyst.ipynb (nbconvert --execute; a failing cell fails it)"
EXECUTED=$WORK/analyst.executed.ipynb
NBCONVERT=("$PY" -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=300 --output-dir "$WORK")
if ! "${NBCONVERT[@]}" --output analyst.executed.ipynb "$HERE/analyst.ipynb" > "$WORK/nbconvert.txt" 2>&1; then
  tail -n 25 "$WORK/nbconvert.txt"
  echo "== notebook: a cell failed; executing it again with --allow-errors to show every failing cell"
  "${NBCONVERT[@]}" --allow-errors --output analyst.diagnose.ipynb "$HERE/analyst.ipynb" > "$WORK/nbconvert-diagnose.txt" 2>&1 || true
  [[ -f $WORK/analyst.diagnose.ipynb ]] && node "$HERE/check-executed.cjs" --diagnose "$WORK/analyst.diagnose.ipynb" || true
  echo "notebook check FAILED: a cell of analyst.ipynb failed" >&2
  exit 1
fi
took

step "check the executed notebook"
node "$HERE/check-executed.cjs" "$EXECUTED"
if [[ -n ${DTI_NOTEBOOK_OUT:-} ]]; then cp "$EXECUTED" "$DTI_NOTEBOOK_OUT"; echo "   executed notebook copied to $DTI_NOTEBOOK_OUT"; fi
took

step "the guide page of the notebook (docs/guides/analysis-notebook.md) shows this run's outputs"
node "$HERE/render-guide.cjs" "$EXECUTED" "$ROOT/docs/guides" "--${DTI_NOTEBOOK_GUIDE:-check}"
took

echo "== notebook check passed in $(( $(ms "$T0") / 1000 )) s"
