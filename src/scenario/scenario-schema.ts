/**
 * The scenario format (`scenarios/*.json`): conditions of one drive, validated by one zod schema.
 * Units are in the field names; docs/scenario-format.md documents every field and default.
 */
import { z } from 'zod';

export const CYCLE_NAMES = ['CLTC-P', 'WLTC', 'UDDS', 'HWFET', 'US06', 'NEDC'] as const;
export type CycleName = (typeof CYCLE_NAMES)[number];

export const TraceSchema = z
  .object({
    dtS: z.number().gt(0).lte(60),
    speedKmh: z.array(z.number().min(0).max(250)).min(2).max(200_000),
    /** Road grade per sample, percent (rise/run·100), positive uphill. */
    gradePct: z.array(z.number().min(-30).max(30)).optional(),
  })
  .strict()
  .refine((t) => !t.gradePct || t.gradePct.length === t.speedKmh.length, {
    message: 'gradePct must have one value per speed sample',
    path: ['gradePct'],
  })
  .refine((t) => t.speedKmh.some((v) => v > 0), { message: 'the trace never moves', path: ['speedKmh'] });

export const DriveSchema = z.union([
  z.object({ cycle: z.enum(CYCLE_NAMES) }).strict(),
  z.object({ constantSpeedKmh: z.number().gte(5).lte(200) }).strict(),
  z.object({ trace: TraceSchema }).strict(),
], { error: `expected { "cycle": ${CYCLE_NAMES.map((c) => `"${c}"`).join(' | ')} }, { "constantSpeedKmh" } or { "trace": { "dtS", "speedKmh" } }` });

const seatHeating = z.boolean().optional();
export const HvacSettingSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('off'), seatHeating }).strict(),
  z
    .object({
      mode: z.literal('on'),
      setpointC: z.number().min(16).max(30),
      seatHeating,
      /** Share of cabin air recirculated (0 = all fresh air). */
      recirculation: z.number().min(0).max(0.9).optional(),
    })
    .strict(),
]);

const LocalizedTextSchema = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }).strict();

export const ScenarioSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    name: LocalizedTextSchema.optional(),
    description: LocalizedTextSchema.optional(),
    ambientC: z.number().min(-40).max(50),
    drive: DriveSchema,
    hvac: HvacSettingSchema,
    payloadKg: z.number().min(0).max(1500),
    occupants: z.number().int().min(1).max(9).optional(),
    startSocPct: z.number().gt(0).lte(100).optional(),
    endSocPct: z.number().min(0).lt(100).optional(),
    batteryStartC: z.number().min(-40).max(60).optional(),
    cabinStartC: z.number().min(-40).max(80).optional(),
    preconditioned: z.boolean().optional(),
    tyres: z.enum(['standard', 'winter']).optional(),
    /** Head wind along the road, km/h; negative is a tail wind. */
    windKmh: z.number().min(-100).max(100).optional(),
    /** Solar irradiance on the car, W/m². */
    solarWm2: z.number().min(0).max(1200).optional(),
    altitudeM: z.number().min(-500).max(5500).optional(),
    /**
     * On a chassis dynamometer the road load is the homologation curve at every temperature:
     * no air-density or wind effects (compare dyno test results like with like).
     */
    dyno: z.boolean().optional(),
  })
  .strict()
  .refine((s) => (s.endSocPct ?? 0) < (s.startSocPct ?? 100), {
    message: 'endSocPct must be below startSocPct',
    path: ['endSocPct'],
  });

export type Scenario = z.infer<typeof ScenarioSchema>;
export type Drive = z.infer<typeof DriveSchema>;
export type HvacSetting = z.infer<typeof HvacSettingSchema>;
