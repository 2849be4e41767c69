/**
 * The FASTSim validation cars (test/sim/reference/fastsim_bev_validation.csv) as vehicle specs,
 * mapping each FASTSim parameter onto our format one to one.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { VehicleSpec } from '../../src/sim/index.ts';

export interface FastsimCar {
  name: string;
  spec: VehicleSpec;
  /** EPA label, wall-plug kWh/100 km (5-cycle adjusted), when the row has one. */
  label?: { city: number; highway: number; combined: number };
}

const CSV = fileURLToPath(new URL('./reference/fastsim_bev_validation.csv', import.meta.url));
const KM_PER_MI = 1.609344;

export function fastsimCars(): FastsimCar[] {
  const [header, ...rows] = parseCsv(readFileSync(CSV, 'utf8'));
  return rows.map((cells) => {
    const r = Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])) as Record<string, string>;
    const n = (k: string) => Number(r[k]);
    const massKg = n('sim_mass_kg');
    const wheelInertiaKg = (n('wheel_inertia_kg_m2') * n('num_wheels')) / n('wheel_radius_m') ** 2;
    const id = r.scenario_name!.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    const spec: VehicleSpec = {
      id,
      name: { 'zh-CN': r.scenario_name!, en: r.scenario_name! },
      testMassKg: massKg,
      aero: { dragCoefficient: n('drag_coef'), frontalAreaM2: n('frontal_area_m2') },
      rollingResistance: n('wheel_rr_coef'),
      battery: { chemistry: 'NMC', usableKwh: n('usable_kwh_sim') },
      drivetrain: {
        motorPeakKw: n('mc_max_kw'),
        gearEfficiency: n('trans_eff'),
        regenMaxFraction: n('max_regen'),
        rotatingMassFraction: wheelInertiaKg / massKg,
        motorEfficiencyMap: {
          powerFraction: r.mc_pwr_out_frac_points!.split(' ').map(Number),
          efficiency: r.mc_eff_at_points!.split(' ').map(Number),
        },
      },
      hvac: { heatPump: false },
      chargerEfficiency: n('chg_eff(default)'),
      auxW: n('aux_kw') * 1000,
    };
    const hasLabel = r.has_epa_validation === 'yes';
    const perKm = (k: string) => (n(k) / KM_PER_MI) * 100;
    return {
      name: r.scenario_name!,
      spec,
      ...(hasLabel
        ? { label: { city: perKm('val_udds_kwh_per_mi'), highway: perKm('val_hwy_kwh_per_mi'), combined: perKm('val_comb_kwh_per_mi') } }
        : {}),
    };
  });
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (c !== '\r') cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}
