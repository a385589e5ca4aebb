/**
 * Summarises a V8 .cpuprofile: the hottest functions by self time and by
 * inclusive time, and self time per source file.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/dti-prof --import tsx bench/score.bench.ts --only exact --runs 2
 *   npx tsx bench/cpuprofile-top.ts /tmp/dti-prof [top=25]
 *
 * Takes a .cpuprofile file or a directory (the largest .cpuprofile in it: with
 * `--import tsx` Node 20 also writes a small profile for the loader thread).
 */
import fs from 'node:fs';
import path from 'node:path';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const arg = process.argv[2] ?? '/tmp/dti-prof';
const top = Number(process.argv[3] ?? 25);
let file = arg;
if (fs.statSync(arg).isDirectory()) {
  const largest = fs.readdirSync(arg)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(arg, f))
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  if (!largest) throw new Error(`no .cpuprofile in ${arg}`);
  file = largest;
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;

const root = process.cwd();
const where = (f: CallFrame): string => {
  let url = f.url.replace(/^file:\/\//, '');
  if (url.startsWith(root)) url = url.slice(root.length + 1);
  url = url.replace(/^node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, 'nm:');
  return url ? `${url}:${f.lineNumber + 1}` : '';
};
const fileOf = (f: CallFrame): string => where(f).replace(/:\d+$/, '') || `(${f.functionName || 'native'})`;
const keyOf = (f: CallFrame): string => `${f.functionName || '(anonymous)'}  ${where(f)}`;

const byId = new Map<number, ProfileNode>();
const parent = new Map<number, number>();
for (const n of profile.nodes) {
  byId.set(n.id, n);
  for (const c of n.children ?? []) parent.set(c, n.id);
}

const self = new Map<string, number>();
const incl = new Map<string, number>();
const perFile = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  const node = byId.get(id);
  if (!node) return;
  const k = keyOf(node.callFrame);
  self.set(k, (self.get(k) ?? 0) + dt);
  const fk = fileOf(node.callFrame);
  perFile.set(fk, (perFile.get(fk) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur);
    if (!n) break;
    const key = keyOf(n.callFrame);
    if (seen.has(key)) continue;
    seen.add(key);
    incl.set(key, (incl.get(key) ?? 0) + dt);
  }
});

const show = (title: string, map: Map<string, number>, n: number): void => {
  console.log(`\n${title}`);
  console.log('   ms      %   function  location');
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`${(v / 1000).toFixed(0).padStart(6)} ${((100 * v) / total).toFixed(1).padStart(6)}%  ${k}`);
  }
};
console.log(`${file}: ${(total / 1e6).toFixed(2)} s sampled`);
show('Top by self time', self, top);
show('Top by inclusive time', incl, top);
show('Self time by file', perFile, 15);
