/**
 * Copies the drive cycles from ../shared/reference/cycles into src/sim/cycles/data as JSON,
 * keeping each trace's source line. Run: `npx tsx scripts/import-cycles.ts [referenceDir]`.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const referenceDir = resolve(process.argv[2] ?? '../shared/reference/cycles');
const outDir = resolve('src/sim/cycles/data');

/** Cycle name in scenarios -> reference file. */
const CYCLES: Record<string, string> = {
  'CLTC-P': 'cltc_p',
  WLTC: 'wltc_class3b',
  UDDS: 'udds',
  HWFET: 'hwfet',
  US06: 'us06',
  NEDC: 'nedc',
};

const check = JSON.parse(readFileSync(join(referenceDir, 'cycle_check.json'), 'utf8')) as Record<
  string,
  { source: string; published_distance_km: number; published_duration_s: number }
>;

mkdirSync(outDir, { recursive: true });
for (const [name, file] of Object.entries(CYCLES)) {
  const rows = readFileSync(join(referenceDir, `${file}.csv`), 'utf8').trim().split('\n').slice(1);
  const speedKmh = rows.map((row, i) => {
    const [t, v] = row.split(',').map(Number);
    if (t !== i || !Number.isFinite(v)) throw new Error(`${file}.csv row ${i + 2}: expected time ${i}`);
    return Math.round(v! * 1e4) / 1e4;
  });
  const meta = check[file]!;
  const out = {
    generated: 'by scripts/import-cycles.ts from shared/reference/cycles; do not edit by hand',
    name,
    source: meta.source,
    publishedDistanceKm: meta.published_distance_km,
    publishedDurationS: meta.published_duration_s,
    dtS: 1,
    speedKmh,
  };
  writeFileSync(join(outDir, `${file}.json`), JSON.stringify(out) + '\n');
  console.log(`${name}: ${speedKmh.length} samples`);
}
