/**
 * Named drive cycles, 1 Hz speed traces copied from shared/reference/cycles by
 * scripts/import-cycles.ts (each JSON keeps its source line).
 */
import cltcP from './data/cltc_p.json' with { type: 'json' };
import hwfet from './data/hwfet.json' with { type: 'json' };
import nedc from './data/nedc.json' with { type: 'json' };
import udds from './data/udds.json' with { type: 'json' };
import us06 from './data/us06.json' with { type: 'json' };
import wltc from './data/wltc_class3b.json' with { type: 'json' };
import type { CycleName } from '../../scenario/scenario-schema.ts';

export interface CycleData {
  readonly name: CycleName;
  readonly source: string;
  readonly dtS: number;
  readonly speedKmh: readonly number[];
  readonly publishedDistanceKm: number;
}

export const CYCLES: Readonly<Record<CycleName, CycleData>> = {
  'CLTC-P': cltcP as CycleData,
  WLTC: wltc as CycleData,
  UDDS: udds as CycleData,
  HWFET: hwfet as CycleData,
  US06: us06 as CycleData,
  NEDC: nedc as CycleData,
};
