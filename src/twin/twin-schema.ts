/**
 * `vehicle.json` -> `twin`: what the 3D viewer says about the car.
 * Hotspot texts live here (zh-CN and en), never in code, so a dealer can
 * edit them with the bundle. Pure zod.
 */
import { z } from 'zod';
import { LocalizedTextSchema } from './geometry-schema';
import { PART_NAME_RE } from './part-names';

export const TwinViewSchema = z.enum(['exterior', 'xray', 'exploded', 'section']);
export const CameraPresetSchema = z.enum(['front34', 'side', 'rear', 'top', 'under']);

export const HotspotSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]+$/),
  /** Part the hotspot is pinned to (its bounding-box centre); see docs/part-naming.md. */
  part: z.string().regex(PART_NAME_RE),
  /** View the viewer switches to when the hotspot is tapped (internal parts need x-ray). */
  view: TwinViewSchema.default('exterior'),
  /** Side of the part the camera looks from. */
  camera: CameraPresetSchema.default('front34'),
  title: LocalizedTextSchema,
  body: LocalizedTextSchema,
});

export const TwinSchema = z.object({
  hotspots: z.array(HotspotSchema).max(16).default([]),
});

export type TwinView = z.infer<typeof TwinViewSchema>;
export type CameraPreset = z.infer<typeof CameraPresetSchema>;
export type Hotspot = z.infer<typeof HotspotSchema>;
export type Twin = z.infer<typeof TwinSchema>;
