/**
 * npm run models: build public/models/<id>/model.glb from the `geometry`
 * section of each bundle listed in public/models/index.json.
 * Deterministic (same vehicle.json -> same bytes); refuses to write a GLB
 * that fails the Khronos validator or the size/triangle budget.
 *
 *   npm run models              all vehicles
 *   npm run models -- <id> ...  only these
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { VehicleGeometrySchema } from '../src/twin/geometry-schema.ts';
import { exportTwinGlb } from '../src/twin/export-glb.ts';
import { validateGlb } from './models-validate.ts';

export const MAX_GLB_BYTES = 3 * 1024 * 1024;
export const MAX_TRIANGLES = 500_000;

function ids(): string[] {
  const index = JSON.parse(readFileSync('public/models/index.json', 'utf8')) as { vehicles: (string | { id: string })[] };
  return index.vehicles.map((v) => (typeof v === 'string' ? v : v.id));
}

async function main() {
  const only = process.argv.slice(2);
  let failed = false;
  for (const id of ids().filter((i) => only.length === 0 || only.includes(i))) {
    const bundle = JSON.parse(readFileSync(`public/models/${id}/vehicle.json`, 'utf8')) as { geometry?: unknown };
    if (bundle.geometry === undefined) { console.warn(`${id}: no geometry section, skipped`); continue; }
    const parsed = VehicleGeometrySchema.safeParse(bundle.geometry);
    if (!parsed.success) {
      failed = true;
      console.error(`${id}: geometry invalid:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
      continue;
    }
    const t0 = performance.now();
    const glb = await exportTwinGlb(parsed.data);
    const report = await validateGlb(glb);
    const problems = [
      ...(report.errors > 0 ? [`${report.errors} validator errors: ${report.messages.filter((m) => m.startsWith('error')).slice(0, 5).join('; ')}`] : []),
      ...(glb.byteLength > MAX_GLB_BYTES ? [`${glb.byteLength} bytes > ${MAX_GLB_BYTES}`] : []),
      ...(report.triangles > MAX_TRIANGLES ? [`${report.triangles} triangles > ${MAX_TRIANGLES}`] : []),
    ];
    if (problems.length) { failed = true; console.error(`${id}: ${problems.join(', ')}`); continue; }
    writeFileSync(`public/models/${id}/model.glb`, glb);
    console.log(`${id}: ${(glb.byteLength / 1024).toFixed(0)} KiB, ${report.triangles} triangles, ${(performance.now() - t0).toFixed(0)} ms`);
  }
  if (failed) process.exitCode = 1;
}

await main();
