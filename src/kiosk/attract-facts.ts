/**
 * The three headline facts attract mode shows for the store's first car: its range in a northern
 * winter and a southern summer (the simulator's, for the scenario files the range lab offers), its
 * DC fast charge from 30 to 80 %, and the safety design its twin explains first. Pure.
 */
import type { Scenario } from '../scenario/index.ts';
import { simulate, type VehicleSpec } from '../sim/index.ts';
import { dcChargeMinutes } from '../plan/charging.ts';
import type { Locale } from '../i18n/messages.ts';

export const ATTRACT_WINTER_SCENARIO = 'harbin-winter-city';
export const ATTRACT_SUMMER_SCENARIO = 'guangzhou-summer-city';

export interface AttractFacts {
  name: Record<Locale, string>;
  winter: { km: number; ambientC: number };
  summer: { km: number; ambientC: number };
  /** DC fast charging, 30 → 80 %, at the car's average share of its peak power. */
  charge: { peakKw: number; minutes30to80: number };
  /** The first hotspot's title in the car's twin bundle (its safety design), if it has one. */
  safety: Record<Locale, string> | null;
}

type Localized = Record<Locale, string>;
const localized = (v: unknown): Localized | null => {
  const o = v as Partial<Localized> | null;
  return typeof o?.['zh-CN'] === 'string' && typeof o.en === 'string' ? { 'zh-CN': o['zh-CN'], en: o.en } : null;
};

export function attractFacts(spec: VehicleSpec, raw: unknown, winter: Scenario, summer: Scenario): AttractFacts {
  const bundle = raw as { name?: unknown; twin?: { hotspots?: { title?: unknown }[] } } | null;
  const w = simulate(spec, winter);
  const s = simulate(spec, summer);
  return {
    name: localized(bundle?.name) ?? { 'zh-CN': spec.id, en: spec.id },
    winter: { km: Math.round(w.rangeKm), ambientC: winter.ambientC },
    summer: { km: Math.round(s.rangeKm), ambientC: summer.ambientC },
    charge: { peakKw: spec.dcFastChargeKw ?? 100, minutes30to80: Math.round(dcChargeMinutes(spec, 0.3, 0.8)) },
    safety: localized(bundle?.twin?.hotspots?.[0]?.title),
  };
}
