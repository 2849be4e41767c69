/**
 * Simulator speed (npm run bench): one 1800 s cycle, full range runs, a 40 × 15 temperature × speed
 * sweep and a 10-year ageing projection, each against its target; sweep points checked against full runs.
 * Prints figures; exits 1 when a target is missed so a regression is visible in CI logs.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseScenario } from '../src/scenario/index.ts';
import { parseVehicle, projectAgeing, resolveVehicle, simulateParams, sweep, traceDistanceKm, traceOf } from '../src/sim/index.ts';

const vehicleSpec = parseVehicle(JSON.parse(readFileSync('public/models/vela-s5-long-range/vehicle.json', 'utf8')));
const vehicle = resolveVehicle(vehicleSpec);
const preset = (id: string) => parseScenario(JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8')), id);

/** Median and worst time of `fn` over `runs` after `warmup` calls, ms. */
function time(fn: () => void, runs: number, warmup = Math.min(runs, 50)): { medianMs: number; maxMs: number } {
  for (let i = 0; i < warmup; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { medianMs: t[Math.floor(t.length / 2)]!, maxMs: t[t.length - 1]! };
}

let failed = false;
function report(name: string, ms: number, targetMs: number, extra = '') {
  const ok = ms < targetMs;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'MISS'} ${name.padEnd(44)} ${ms.toFixed(3).padStart(9)} ms  (target < ${targetMs} ms)${extra}`);
}

// One 1800 s cycle: WLTC, one pass.
const wltc = preset('mixed-wltc');
const passKm = traceDistanceKm(traceOf(wltc.drive));
const cycle = time(() => simulateParams(vehicle, wltc, { distanceKm: passKm }), 2000);
report('one WLTC cycle (1800 s)', cycle.medianMs, 0.2);

// Full range runs over every preset.
for (const id of ['city-cltc', 'harbin-winter-city', 'beijing-winter-mixed', 'highway-120', 'guangzhou-summer-city']) {
  const s = preset(id);
  let km = 0;
  const r = time(() => (km = simulateParams(vehicle, s).rangeKm), 100, 10);
  report(`full range run: ${id}`, r.medianMs, 5, `  ${km.toFixed(0)} km, worst ${r.maxMs.toFixed(2)} ms`);
}

// Sweep: 40 temperatures × 15 speeds with climate on.
const base = preset('beijing-winter-highway');
const ambientC = Array.from({ length: 40 }, (_, i) => -30 + (i * 75) / 39);
const speedKmh = Array.from({ length: 15 }, (_, i) => 30 + i * 10);
let grid = sweep(vehicle, base, { ambientC, speedKmh });
const sw = time(() => (grid = sweep(vehicle, base, { ambientC, speedKmh })), 10, 2);
report('sweep 40 × 15 (temperature × speed)', sw.medianMs, 100);

let worstPct = 0;
ambientC.forEach((t, i) =>
  speedKmh.forEach((v, k) => {
    const full = simulateParams(vehicle, { ...base, ambientC: t, drive: { constantSpeedKmh: v } }).rangeKm;
    worstPct = Math.max(worstPct, Math.abs(grid.rangeKm[i * speedKmh.length + k]! / full - 1) * 100);
  }),
);
const okErr = worstPct < 0.5;
failed ||= !okErr;
console.log(`${okErr ? 'ok  ' : 'MISS'} ${'sweep point vs its full run, worst'.padEnd(44)} ${worstPct.toFixed(3).padStart(9)} %   (target < 0.5 %)`);

// A 10-year ageing projection: a typical customer (Shanghai, 40 km a day, home AC), with the
// simulator's twelve monthly commute legs and the aged winter range.
const ageingInput = { region: 'shanghai', dailyKm: 40, years: 10, charging: 'home-ac' } as const;
let ageing = projectAgeing(vehicleSpec, ageingInput);
const ag = time(() => (ageing = projectAgeing(vehicleSpec, ageingInput)), 100, 10);
report(
  '10-year ageing projection',
  ag.medianMs,
  5,
  `  SoH ${(ageing.years[10]!.soh * 100).toFixed(1)} % [${(ageing.years[10]!.sohLow * 100).toFixed(1)}–${(ageing.years[10]!.sohHigh * 100).toFixed(1)}], winter ${ageing.winter.newKm.toFixed(0)} → ${ageing.winter.agedKm.toFixed(0)} km, worst ${ag.maxMs.toFixed(2)} ms`,
);

const mem = process.memoryUsage();
console.log(`heap used ${(mem.heapUsed / 2 ** 20).toFixed(1)} MB, rss ${(mem.rss / 2 ** 20).toFixed(1)} MB`);
process.exitCode = failed ? 1 : 0;
