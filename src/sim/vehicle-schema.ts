/**
 * The vehicle format (`public/models/<id>/vehicle.json`): one zod schema, types inferred.
 * Only the physics-relevant fields live here; every optional field has a documented default
 * in `vehicle.ts` (see docs/vehicle-format.md). Units are in the field names.
 */
import { z } from 'zod';
import { VehicleGeometrySchema } from '../twin/geometry-schema.ts';

const positive = z.number().positive();
const fraction = z.number().gt(0).lte(1);

/** Coast-down coefficients as in WLTP/EPA homologation: F = f0 + f1·v + f2·v², v in km/h. */
export const RoadLoadSchema = z
  .object({
    f0N: z.number().nonnegative(),
    f1NPerKmh: z.number(),
    f2NPerKmh2: positive,
  })
  .strict();

export const AeroSchema = z
  .object({
    dragCoefficient: z.number().gt(0.1).lt(1.5),
    frontalAreaM2: z.number().gt(0.5).lt(10),
  })
  .strict();

/** Motor + inverter efficiency: a 1-D curve over output power fraction, or a 2-D map over speed too. */
export const MotorEfficiencyMapSchema = z.union([
  z
    .object({
      powerFraction: z.array(z.number().min(0).max(1)).min(2),
      efficiency: z.array(fraction).min(2),
    })
    .strict()
    .refine((m) => m.powerFraction.length === m.efficiency.length, {
      message: 'powerFraction and efficiency must have the same length',
    }),
  z
    .object({
      speedKmh: z.array(z.number().min(0)).min(2),
      powerFraction: z.array(z.number().min(0).max(1)).min(2),
      efficiency: z.array(z.array(fraction)).min(2),
    })
    .strict()
    .refine(
      (m) =>
        m.efficiency.length === m.speedKmh.length &&
        m.efficiency.every((row) => row.length === m.powerFraction.length),
      { message: 'efficiency must have one row per speed and one column per power fraction' },
    ),
]);

export const BatterySchema = z
  .object({
    chemistry: z.enum(['LFP', 'NMC']),
    usableKwh: z.number().gt(1).lt(300),
    nominalVoltageV: z.number().gt(100).lt(1200).optional(),
    /** Pack resistance at 25 °C; default from `lossFractionAt1C`. */
    internalResistanceOhm: positive.optional(),
    /** I²R loss as a fraction of power at a 1C discharge, 25 °C. */
    lossFractionAt1C: z.number().gt(0).lt(0.2).optional(),
    packMassKg: positive.optional(),
    /** Lumped heat capacity of cells and enclosure. */
    heatCapacityKJPerK: positive.optional(),
    /** Thermal conductance from pack to ambient air. */
    ambientConductanceWPerK: z.number().nonnegative().optional(),
    heaterKw: z.number().nonnegative().optional(),
    /** While driving, the pack is heated to stay at or above this cell temperature. */
    heatBelowC: z.number().min(-40).max(40).optional(),
    /** The chiller cools the pack when warmer than this. */
    coolAboveC: z.number().min(15).max(60).optional(),
    /** Target cell temperature of preconditioning on the charger. */
    preconditionTargetC: z.number().min(0).max(45).optional(),
    /** Maximum charge power the pack accepts warm (limits regen); default from usable energy. */
    maxChargeKw: positive.optional(),
  })
  .strict();

export const DrivetrainSchema = z
  .object({
    motorPeakKw: z.number().gt(5).lt(2000),
    motorCount: z.number().int().min(1).max(4).optional(),
    drive: z.enum(['FWD', 'RWD', 'AWD']).optional(),
    /** Speed where the motor leaves constant torque for constant power. */
    baseSpeedKmh: z.number().gt(10).lt(200).optional(),
    topSpeedKmh: z.number().gt(60).lt(400).optional(),
    gearEfficiency: fraction.optional(),
    /** Regenerative braking power limit of the motor and inverter. */
    regenMaxKw: positive.optional(),
    /** Share of braking demand the brake blending hands to the motor at speed. */
    regenMaxFraction: z.number().min(0).max(1).optional(),
    /** Equivalent mass of rotating parts as a fraction of vehicle mass. */
    rotatingMassFraction: z.number().min(0).max(0.2).optional(),
    motorEfficiencyMap: MotorEfficiencyMapSchema.optional(),
  })
  .strict();

export const HvacSchema = z
  .object({
    heatPump: z.boolean(),
    /** Heat pump heating capacity at 0 °C ambient. */
    heatPumpKw: positive.optional(),
    /** Below this ambient the heat pump stops and the PTC heater carries the load. */
    heatPumpMinAmbientC: z.number().min(-50).max(10).optional(),
    /** Share of the Carnot COP the heat pump reaches. */
    heatPumpCarnotFraction: z.number().gt(0).lt(1).optional(),
    ptcKw: z.number().nonnegative().optional(),
    acCapacityKw: positive.optional(),
    /** Cabin shell conductance (walls, glass, floor) to ambient. */
    cabinConductanceWPerK: positive.optional(),
    /** Effective heat capacity of cabin air and interior surfaces. */
    cabinHeatCapacityKJPerK: positive.optional(),
    freshAirKgPerS: z.number().nonnegative().optional(),
    blowerW: z.number().nonnegative().optional(),
    /** Area that turns sunlight into cabin heat (glazing × transmittance). */
    solarGainM2: z.number().nonnegative().optional(),
    seatHeaterW: z.number().nonnegative().optional(),
    seats: z.number().int().min(1).max(9).optional(),
  })
  .strict();

const LocalizedNameSchema = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }).strict();

export const VehicleSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    name: LocalizedNameSchema,
    model: LocalizedNameSchema.optional(),
    trim: LocalizedNameSchema.optional(),
    bodyStyle: z.enum(['sedan', 'suv', 'hatchback', 'mpv']).optional(),
    seats: z.number().int().min(1).max(9).optional(),
    priceCny: positive.optional(),
    curbMassKg: z.number().gt(300).lt(5000).optional(),
    testMassKg: z.number().gt(300).lt(5000).optional(),
    roadLoad: RoadLoadSchema.optional(),
    aero: AeroSchema.optional(),
    rollingResistance: z.number().gt(0.003).lt(0.03).optional(),
    battery: BatterySchema,
    drivetrain: DrivetrainSchema,
    hvac: HvacSchema,
    chargerEfficiency: fraction.optional(),
    onboardChargerKw: positive.optional(),
    dcFastChargeKw: positive.optional(),
    auxW: z.number().nonnegative().max(5000).optional(),
    /** Radiator and condenser fan power added per kelvin of ambient above 25 °C. */
    coolingFanWPerK: z.number().nonnegative().max(100).optional(),
    rated: z
      .object({ cltcKm: positive.optional(), wltpKm: positive.optional(), epaKm: positive.optional() })
      .strict()
      .optional(),
    v2lKw: z.number().nonnegative().optional(),
    geometry: VehicleGeometrySchema.optional(),
    twin: z.unknown().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.testMassKg === undefined && v.curbMassKg === undefined) {
      ctx.addIssue({ code: 'custom', path: ['testMassKg'], message: 'give testMassKg or curbMassKg' });
    }
    if (!v.roadLoad && !(v.aero && v.rollingResistance !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['roadLoad'],
        message: 'give roadLoad { f0N, f1NPerKmh, f2NPerKmh2 } or aero { dragCoefficient, frontalAreaM2 } with rollingResistance',
      });
    }
  });

export type VehicleSpec = z.infer<typeof VehicleSchema>;
export type MotorEfficiencyMap = z.infer<typeof MotorEfficiencyMapSchema>;
