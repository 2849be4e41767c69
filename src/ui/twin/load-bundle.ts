/**
 * Reads what the viewer needs from a vehicle bundle: display name, paint
 * choices and hotspot texts. Validated at the edge with the twin schemas;
 * a bundle without `geometry`/`twin` still gives a name and the model URL.
 */
import { z } from 'zod';
import { LocalizedTextSchema, PaintSchema } from '../../twin/geometry-schema';
import { TwinSchema, type Hotspot } from '../../twin/twin-schema';
import type { LocalizedText } from '../../twin/geometry-schema';
import { parseVehicle, type VehicleSpec } from '../../sim/index.ts';

export interface TwinBundle {
  id: string;
  name: LocalizedText;
  modelUrl: string;
  paints: z.infer<typeof PaintSchema>[];
  defaultPaint: string | null;
  hotspots: Hotspot[];
}

const BundleSchema = z.object({
  name: LocalizedTextSchema.optional(),
  geometry: z.object({ paints: z.array(PaintSchema).default([]), defaultPaint: z.string().optional() }).loose().optional(),
  twin: TwinSchema.optional(),
}).loose();

const base = () => import.meta.env.BASE_URL;

export async function loadVehicleIds(): Promise<string[]> {
  const r = await fetch(`${base()}models/index.json`);
  if (!r.ok) throw new Error(`models/index.json: HTTP ${r.status}`);
  const j = (await r.json()) as unknown;
  const list = Array.isArray(j) ? j : (j as { vehicles?: unknown[] }).vehicles ?? [];
  return list.map((v) => (typeof v === 'string' ? v : String((v as { id?: unknown }).id))).filter((v) => /^[a-z0-9-]+$/.test(v));
}

export async function loadTwinBundle(id: string): Promise<TwinBundle> {
  const modelUrl = `${base()}models/${id}/model.glb`;
  const r = await fetch(`${base()}models/${id}/vehicle.json`);
  const fallback: TwinBundle = { id, name: { 'zh-CN': id, en: id }, modelUrl, paints: [], defaultPaint: null, hotspots: [] };
  if (!r.ok || !(r.headers.get('content-type') ?? '').includes('json')) return fallback;
  const parsed = BundleSchema.safeParse(await r.json());
  if (!parsed.success) return fallback;
  const b = parsed.data;
  return {
    id,
    name: b.name ?? fallback.name,
    modelUrl,
    paints: b.geometry?.paints ?? [],
    defaultPaint: b.geometry?.defaultPaint ?? null,
    hotspots: b.twin?.hotspots ?? [],
  };
}

/** The vehicle's full spec for the simulator (the pack-temperature view runs it). */
export async function loadVehicleSpec(id: string): Promise<VehicleSpec> {
  const source = `models/${id}/vehicle.json`;
  const r = await fetch(`${base()}${source}`);
  if (!r.ok) throw new Error(`${source}: HTTP ${r.status}`);
  return parseVehicle(await r.json(), source);
}
