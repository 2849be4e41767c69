/**
 * Resolves a parsed vehicle spec into the flat, fully defaulted parameters the simulator runs on.
 * Each default is a physically plausible value for a current passenger EV, with its reasoning;
 * docs/vehicle-format.md lists them for dealers and tool authors.
 */
import { G_MPS2, KMH_PER_MPS, RHO_REF_KG_M3 } from './constants.ts';
import type { MotorEfficiencyMap, VehicleSpec } from './vehicle-schema.ts';

export type Chemistry = 'LFP' | 'NMC';

export interface VehicleParams {
  readonly id: string;
  /** Mass of the road-load test (CLTC: curb + 100 kg), kg. */
  readonly testMassKg: number;
  /** Rolling and mechanical drag at test mass, N and N/(km/h). */
  readonly f0N: number;
  readonly f1NPerKmh: number;
  /** Aerodynamic drag area Cd·A, m². */
  readonly dragAreaM2: number;
  readonly rotatingMassFraction: number;
  readonly motorPeakW: number;
  readonly regenMaxW: number;
  readonly regenMaxFraction: number;
  readonly gearEfficiency: number;
  /** Peak tractive force at the wheels (constant-torque region), N. */
  readonly peakForceN: number;
  readonly topSpeedMps: number;
  readonly motorEfficiencyMap: MotorEfficiencyMap | undefined;
  readonly chemistry: Chemistry;
  readonly usableWh: number;
  readonly nominalVoltageV: number;
  readonly resistance25Ohm: number;
  readonly batteryHeatCapacityJPerK: number;
  readonly batteryConductanceWPerK: number;
  readonly batteryHeaterW: number;
  readonly batteryHeatBelowC: number;
  readonly batteryCoolAboveC: number;
  readonly preconditionTargetC: number;
  readonly maxChargeW: number;
  readonly heatPump: boolean;
  readonly heatPumpW: number;
  readonly heatPumpMinAmbientC: number;
  readonly heatPumpCarnotFraction: number;
  readonly ptcW: number;
  readonly acCapacityW: number;
  readonly cabinConductanceWPerK: number;
  readonly cabinHeatCapacityJPerK: number;
  readonly freshAirKgPerS: number;
  readonly blowerW: number;
  readonly solarGainM2: number;
  readonly seatHeaterW: number;
  readonly chargerEfficiency: number;
  readonly onboardChargerW: number;
  readonly auxW: number;
  /** Extra fan power per kelvin of ambient above 25 °C, W/K. */
  readonly coolingFanWPerK: number;
}

/** GB/T 18386.1 tests at curb mass + 100 kg. */
const CLTC_TEST_LOAD_KG = 100;
/** WLTP rotating-mass allowance: 3 % of the vehicle mass (UN GTR 15, Annex 4). */
const DEFAULT_ROTATING_MASS_FRACTION = 0.03;
/** Pack-level specific energy incl. enclosure, kg per usable kWh (2023-era packs). */
const PACK_KG_PER_KWH: Record<Chemistry, number> = { LFP: 7.0, NMC: 5.8 };
/** Effective specific heat of cells, busbars and enclosure, J/(kg·K). */
const PACK_CP_J_PER_KG_K = 1000;
/** I²R loss at 1C and 25 °C as a fraction of power: LFP cells have the higher DC resistance. */
const LOSS_AT_1C: Record<Chemistry, number> = { LFP: 0.04, NMC: 0.035 };
const NOMINAL_VOLTAGE_V: Record<Chemistry, number> = { LFP: 380, NMC: 400 };
/**
 * The BMS heats the cells while driving to keep them at or above this; LFP loses more capacity and
 * charge acceptance in the cold, so it is kept warmer.
 */
const HEAT_BELOW_C: Record<Chemistry, number> = { LFP: 5, NMC: 0 };

export function resolveVehicle(spec: VehicleSpec): VehicleParams {
  const testMassKg = spec.testMassKg ?? spec.curbMassKg! + CLTC_TEST_LOAD_KG;
  const { f0N, f1NPerKmh, dragAreaM2 } = resolveRoadLoad(spec, testMassKg);
  const { battery: b, drivetrain: d, hvac: h } = spec;
  const usableWh = b.usableKwh * 1000;
  const nominalVoltageV = b.nominalVoltageV ?? NOMINAL_VOLTAGE_V[b.chemistry];
  // R such that I²R = lossAt1C · P at P = usable energy per hour: R = loss · V² / P.
  const resistance25Ohm =
    b.internalResistanceOhm ?? ((b.lossFractionAt1C ?? LOSS_AT_1C[b.chemistry]) * nominalVoltageV ** 2) / usableWh;
  const packMassKg = b.packMassKg ?? b.usableKwh * PACK_KG_PER_KWH[b.chemistry];
  const motorPeakW = d.motorPeakKw * 1000;
  const baseSpeedMps = (d.baseSpeedKmh ?? 65) / KMH_PER_MPS;
  const seats = h.seats ?? spec.seats ?? 5;

  return {
    id: spec.id,
    testMassKg,
    f0N,
    f1NPerKmh,
    dragAreaM2,
    rotatingMassFraction: d.rotatingMassFraction ?? DEFAULT_ROTATING_MASS_FRACTION,
    motorPeakW,
    // Brake blending rarely asks more than ~0.3 g of the motor; 60 % of peak covers every cycle.
    regenMaxW: (d.regenMaxKw ?? d.motorPeakKw * 0.6) * 1000,
    regenMaxFraction: d.regenMaxFraction ?? 0.98,
    gearEfficiency: d.gearEfficiency ?? 0.97,
    peakForceN: motorPeakW / baseSpeedMps,
    topSpeedMps: (d.topSpeedKmh ?? 180) / KMH_PER_MPS,
    motorEfficiencyMap: d.motorEfficiencyMap,
    chemistry: b.chemistry,
    usableWh,
    nominalVoltageV,
    resistance25Ohm,
    batteryHeatCapacityJPerK: (b.heatCapacityKJPerK ?? (packMassKg * PACK_CP_J_PER_KG_K) / 1000) * 1000,
    batteryConductanceWPerK: b.ambientConductanceWPerK ?? 20,
    batteryHeaterW: (b.heaterKw ?? 5) * 1000,
    batteryHeatBelowC: b.heatBelowC ?? HEAT_BELOW_C[b.chemistry],
    batteryCoolAboveC: b.coolAboveC ?? 32,
    preconditionTargetC: b.preconditionTargetC ?? 20,
    // Warm packs take about 1.5C (NMC) or 1C (LFP) of charge power.
    maxChargeW: (b.maxChargeKw ?? b.usableKwh * (b.chemistry === 'NMC' ? 1.5 : 1.0)) * 1000,
    heatPump: h.heatPump,
    heatPumpW: (h.heatPumpKw ?? 5) * 1000,
    heatPumpMinAmbientC: h.heatPumpMinAmbientC ?? -25,
    heatPumpCarnotFraction: h.heatPumpCarnotFraction ?? 0.45,
    // Sized to carry the whole cabin load alone at −30 °C when the heat pump is out.
    ptcW: (h.ptcKw ?? (h.heatPump ? 6 : 7)) * 1000,
    acCapacityW: (h.acCapacityKw ?? 6) * 1000,
    cabinConductanceWPerK: h.cabinConductanceWPerK ?? (seats > 5 ? 95 : 75),
    cabinHeatCapacityJPerK: (h.cabinHeatCapacityKJPerK ?? (seats > 5 ? 140 : 110)) * 1000,
    freshAirKgPerS: h.freshAirKgPerS ?? 0.03,
    blowerW: h.blowerW ?? 150,
    solarGainM2: h.solarGainM2 ?? (seats > 5 ? 1.0 : 0.8),
    seatHeaterW: h.seatHeaterW ?? 60,
    chargerEfficiency: spec.chargerEfficiency ?? 0.9,
    onboardChargerW: (spec.onboardChargerKw ?? 7) * 1000,
    auxW: spec.auxW ?? 300,
    coolingFanWPerK: spec.coolingFanWPerK ?? 15,
  };
}

/**
 * Coast-down coefficients, given or derived from physics: f0 = Crr·m·g and f2 = ½·ρ_ref·Cd·A / 3.6²
 * so that both sources scale the same way with air density, mass and tyres in the simulation.
 */
function resolveRoadLoad(spec: VehicleSpec, testMassKg: number) {
  if (spec.roadLoad) {
    const { f0N, f1NPerKmh, f2NPerKmh2 } = spec.roadLoad;
    return { f0N, f1NPerKmh, dragAreaM2: (2 * f2NPerKmh2 * KMH_PER_MPS ** 2) / RHO_REF_KG_M3 };
  }
  const aero = spec.aero!;
  return {
    f0N: spec.rollingResistance! * testMassKg * G_MPS2,
    f1NPerKmh: 0,
    dragAreaM2: aero.dragCoefficient * aero.frontalAreaM2,
  };
}
