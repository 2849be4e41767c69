/**
 * The range simulation: repeat a drive, step by step, until the usable energy between the start and
 * end state of charge is spent (or a trip distance is reached), tracking the two slow states that make
 * winter range: the cell temperature (warmed by its own losses, a heater, preconditioning) and the
 * cabin temperature (warm-up from cold soak, then holding the setpoint).
 */
import type { Scenario } from '../scenario/scenario-schema.ts';
import { airDensityKgM3 } from './air.ts';
import { cellTable } from './battery.ts';
import { acCop, climateElectricW, climatePlant, heatPumpCop } from './climate.ts';
import { J_PER_KWH, KMH_PER_MPS, RHO_REF_KG_M3 } from './constants.ts';
import { drivePass, partialTotals, type PassTotals } from './drive-pass.ts';
import { rollingFactor } from './road-load.ts';
import { traceOf } from './trace.ts';
import { resolveVehicle, type VehicleParams } from './vehicle.ts';
import type { VehicleSpec } from './vehicle-schema.ts';

/** Where the energy goes, kWh per 100 km out of the cells; the entries sum to the total. */
export interface Breakdown {
  aero: number;
  rolling: number;
  /** Climbing (net of descending). */
  grade: number;
  /** Energy put into speed, later lost to braking or recovered. */
  inertia: number;
  /** Motor, inverter and gear losses in traction. */
  drivetrain: number;
  /** I²R losses in the cells. */
  battery: number;
  /** Cabin heating or cooling, blower and seat heaters. */
  climate: number;
  /** Heating or cooling the pack while driving. */
  batteryThermal: number;
  auxiliaries: number;
  /** Energy regenerative braking returned to the cells (negative). */
  regen: number;
}

export type Warning = 'over-power' | 'climate-capacity' | 'battery-empty-before-distance';

export interface SimResult {
  /** Distance driven until the usable energy was spent (or the trip distance). */
  rangeKm: number;
  batteryKwhPer100km: number;
  wallKwhPer100km: number;
  breakdownKwhPer100km: Breakdown;
  durationH: number;
  averageSpeedKmh: number;
  stoppedBy: 'battery' | 'distance';
  /** Passes of the drive, fractional. */
  passes: number;
  energy: { cellsKwh: number; wallKwh: number; preconditioningWallKwh: number; usableKwhAtEnd: number };
  battery: { startC: number; endC: number };
  cabin: { startC: number; endC: number; setpointReachedAfterS: number | null };
  warnings: Warning[];
}

export interface SimOptions {
  /** Drive this distance instead of to an empty battery (a commute or trip). */
  distanceKm?: number;
  /** Step of a constant-speed drive, s (default 1; sweeps use coarser steps). */
  constantStepS?: number;
}

const CHILLER_W = 4000;
const FAN_FROM_C = 25;
const COOL_HYSTERESIS_K = 3;
const HEATER_TAU_S = 120;
/** Preconditioning holds the warm cabin this long before departure. */
const PRECONDITION_HOLD_S = 1200;
/** A drive that has not spent the battery in this time is not a drive. */
const MAX_DRIVE_S = 400 * 3600;

/** Simulates `scenario` with the vehicle spec (see `simulateParams` for resolved parameters). */
export function simulate(vehicle: VehicleSpec, scenario: Scenario, options: SimOptions = {}): SimResult {
  return simulateParams(resolveVehicle(vehicle), scenario, options);
}

export function simulateParams(v: VehicleParams, s: Scenario, options: SimOptions = {}): SimResult {
  const ambientC = s.ambientC;
  const hvacOn = s.hvac.mode === 'on';
  const setpointC = s.hvac.mode === 'on' ? s.hvac.setpointC : ambientC;
  const occupants = s.occupants ?? 1;
  const plant = climatePlant(v, ambientC, {
    recirculation: s.hvac.mode === 'on' ? (s.hvac.recirculation ?? 0) : 0,
    occupants,
    solarWm2: s.solarWm2 ?? 0,
    setpointC,
  });
  const dyno = s.dyno ?? false;
  const pass = drivePass(v, traceOf(s.drive, options.constantStepS), {
    massKg: v.testMassKg + s.payloadKg,
    airDensityKgM3: dyno ? RHO_REF_KG_M3 : airDensityKgM3(ambientC, s.altitudeM ?? 0),
    windMps: dyno ? 0 : (s.windKmh ?? 0) / KMH_PER_MPS,
    rollingFactor: rollingFactor(ambientC, s.tyres ?? 'standard'),
  });
  const dt = pass.dtS;
  const steps = pass.steps;
  const { tractionW, regenW, distanceM } = pass;

  // Start state: cold-soaked at ambient unless told otherwise or preconditioned on the charger.
  const soakCellC = s.batteryStartC ?? ambientC;
  const soakCabinC = s.cabinStartC ?? ambientC;
  const preconditioned = s.preconditioned ?? false;
  let cellC = preconditioned ? Math.max(soakCellC, v.preconditionTargetC) : soakCellC;
  let cabinC = preconditioned && hvacOn ? setpointC : soakCabinC;
  const preconditioningWallJ = preconditioned
    ? preconditioningEnergyJ(v, plant.conductanceWPerK, ambientC, soakCellC, cellC, soakCabinC, cabinC)
    : 0;
  const startCellC = cellC;
  const startCabinC = cabinC;

  const socWindow = ((s.startSocPct ?? 100) - (s.endSocPct ?? 0)) / 100;
  const usableJ25 = v.usableWh * 3600 * socWindow;
  const stopDistanceM = options.distanceKm === undefined ? Infinity : options.distanceKm * 1000;
  const seatW = s.hvac.seatHeating ? occupants * v.seatHeaterW : 0;
  const climateBaseW = seatW + (hvacOn ? v.blowerW : 0);
  // Radiator and condenser fans run harder as the air they cool with gets warmer.
  const auxW = v.auxW + v.coolingFanWPerK * Math.max(0, ambientC - FAN_FROM_C);
  const cabinDecay = Math.exp((-plant.conductanceWPerK * dt) / v.cabinHeatCapacityJPerK);
  const bC = v.batteryHeatCapacityJPerK;
  const bUA = v.batteryConductanceWPerK;
  const chillCop = acCop(ambientC);
  const heaterCop = 1;
  // The pack heater closes the gap to its threshold over minutes, not in one step: a one-step
  // (dead-beat) heater fires in spikes that the I²R losses square.
  const heaterTauS = Math.max(dt, HEATER_TAU_S);
  const invV = 1 / v.nominalVoltageV;
  const delivered = { heatW: 0 };

  const cells = cellTable(v.chemistry);
  const cellState = new Float64Array(3);
  let resistance = 0;
  let acceptW = 0;
  let usableJ = 0;
  let cooling = false;
  let lossW = 0;
  let cellsJ = 0;
  let regenJ = 0;
  let batteryLossJ = 0;
  let climateJ = 0;
  let thermalJ = 0;
  let timeS = 0;
  let driven = 0;
  let climateShort = false;
  let setpointReachedAfterS: number | null = hvacOn && Math.abs(cabinC - setpointC) < 0.5 ? 0 : null;
  let fullPasses = 0;
  let lastStep = steps - 1;
  let lastFraction = 1;
  let stoppedBy: SimResult['stoppedBy'] | null = null;

  while (stoppedBy === null) {
    for (let i = 0; i < steps; i++) {
      cells.at(cellC, cellState);
      resistance = v.resistance25Ohm * cellState[0]!;
      usableJ = usableJ25 * cellState[1]!;
      acceptW = v.maxChargeW * cellState[2]!;
      const regen = regenW[i]! < acceptW ? regenW[i]! : acceptW;

      let climateW = climateBaseW;
      if (hvacOn) {
        const needEqC = (setpointC - cabinC * cabinDecay) / (1 - cabinDecay);
        const requestW = plant.conductanceWPerK * (needEqC - ambientC) - plant.gainsW;
        climateW += climateElectricW(plant, requestW, delivered);
        const eqC = ambientC + (delivered.heatW + plant.gainsW) / plant.conductanceWPerK;
        cabinC = eqC + (cabinC - eqC) * cabinDecay;
        if (setpointReachedAfterS === null && Math.abs(cabinC - setpointC) < 0.5) setpointReachedAfterS = timeS + dt;
        else if (setpointReachedAfterS !== null && Math.abs(cabinC - setpointC) > 1) climateShort = true;
      }

      // Battery thermal management: hold the cells at or above the heating threshold (a continuous
      // thermostat, so a colder day never ends with a luckier, warmer pack), chill above the limit.
      const heating = cellC < v.batteryHeatBelowC + 1e-9;
      if (cellC > v.batteryCoolAboveC) cooling = true;
      else if (cellC <= v.batteryCoolAboveC - COOL_HYSTERESIS_K) cooling = false;
      let packHeatW = 0;
      let thermalW = 0;
      if (heating) {
        const needW = (bC * (v.batteryHeatBelowC - cellC)) / heaterTauS + bUA * (cellC - ambientC) - lossW;
        packHeatW = needW < 0 ? 0 : needW < v.batteryHeaterW ? needW : v.batteryHeaterW;
        thermalW = packHeatW / heaterCop;
      } else if (cooling) {
        const needW = (bC * (cellC - v.batteryCoolAboveC + COOL_HYSTERESIS_K)) / dt + lossW + bUA * (ambientC - cellC);
        const chillW = needW < 0 ? 0 : needW < CHILLER_W ? needW : CHILLER_W;
        packHeatW = -chillW;
        thermalW = chillW / chillCop;
      }

      const terminalW = tractionW[i]! - regen + auxW + climateW + thermalW;
      const current = terminalW * invV;
      lossW = current * current * resistance;
      const stepJ = (terminalW + lossW) * dt;

      if (cellsJ + stepJ >= usableJ || driven + distanceM[i]! >= stopDistanceM) {
        const byBattery = cellsJ + stepJ >= usableJ;
        const f = byBattery
          ? Math.min(1, Math.max(0, (usableJ - cellsJ) / stepJ))
          : Math.min(1, Math.max(0, (stopDistanceM - driven) / distanceM[i]!));
        cellsJ += f * stepJ;
        regenJ += f * regen * dt;
        batteryLossJ += f * lossW * dt;
        climateJ += f * climateW * dt;
        thermalJ += f * thermalW * dt;
        timeS += f * dt;
        driven += f * distanceM[i]!;
        lastStep = i;
        lastFraction = f;
        stoppedBy = byBattery ? 'battery' : 'distance';
        break;
      }
      cellsJ += stepJ;
      regenJ += regen * dt;
      batteryLossJ += lossW * dt;
      climateJ += climateW * dt;
      thermalJ += thermalW * dt;
      timeS += dt;
      driven += distanceM[i]!;
      cellC += ((lossW + packHeatW - bUA * (cellC - ambientC)) * dt) / bC;
    }
    if (stoppedBy === null) {
      fullPasses++;
      if (timeS > MAX_DRIVE_S || pass.total.distanceM <= 0) {
        throw new RangeError(`scenario ${s.id}: the drive does not spend the battery within ${MAX_DRIVE_S / 3600} h`);
      }
    }
  }

  const last = partialTotals(pass, lastStep, lastFraction);
  const sum = (k: keyof PassTotals) => fullPasses * pass.total[k] + last[k];
  const distanceKm = sum('distanceM') / 1000;
  const per100 = (j: number) => j / J_PER_KWH / (distanceKm / 100);
  const breakdown: Breakdown = {
    aero: per100(sum('aeroJ')),
    rolling: per100(sum('rollingJ')),
    grade: per100(sum('gradeJ')),
    inertia: per100(sum('inertiaJ')),
    drivetrain: per100(sum('drivetrainJ')),
    battery: per100(batteryLossJ),
    climate: per100(climateJ),
    batteryThermal: per100(thermalJ),
    auxiliaries: per100(auxW * timeS),
    regen: -per100(regenJ),
  };
  const chargeEfficiency = v.chargerEfficiency * (1 - (v.onboardChargerW * v.resistance25Ohm) * invV * invV);
  const wallJ = Math.max(0, cellsJ) / chargeEfficiency + preconditioningWallJ;
  const warnings: Warning[] = [];
  if (pass.overPowerS > 0) warnings.push('over-power');
  if (climateShort || (hvacOn && setpointReachedAfterS === null)) warnings.push('climate-capacity');
  if (options.distanceKm !== undefined && stoppedBy === 'battery') warnings.push('battery-empty-before-distance');

  return {
    rangeKm: distanceKm,
    batteryKwhPer100km: per100(cellsJ),
    wallKwhPer100km: per100(wallJ),
    breakdownKwhPer100km: breakdown,
    durationH: timeS / 3600,
    averageSpeedKmh: timeS > 0 ? distanceKm / (timeS / 3600) : 0,
    stoppedBy: stoppedBy!,
    passes: fullPasses + (lastStep + lastFraction) / steps,
    energy: {
      cellsKwh: cellsJ / J_PER_KWH,
      wallKwh: wallJ / J_PER_KWH,
      preconditioningWallKwh: preconditioningWallJ / J_PER_KWH,
      usableKwhAtEnd: usableJ / J_PER_KWH,
    },
    battery: { startC: startCellC, endC: cellC },
    cabin: { startC: startCabinC, endC: cabinC, setpointReachedAfterS },
    warnings,
  };
}

/**
 * Grid energy of preconditioning on the charger: warming the pack (PTC, COP 1) and the cabin
 * (climate system), plus holding the cabin warm for a while, all through the charger.
 */
function preconditioningEnergyJ(
  v: VehicleParams,
  cabinConductanceWPerK: number,
  ambientC: number,
  cellFromC: number,
  cellToC: number,
  cabinFromC: number,
  cabinToC: number,
): number {
  const packJ = v.batteryHeatCapacityJPerK * Math.max(0, cellToC - cellFromC);
  const cabinHeatJ =
    v.cabinHeatCapacityJPerK * Math.max(0, cabinToC - cabinFromC) +
    cabinConductanceWPerK * Math.max(0, cabinToC - ambientC) * PRECONDITION_HOLD_S;
  const cop = v.heatPump && ambientC >= v.heatPumpMinAmbientC ? heatPumpCop(v, ambientC) : 1;
  return (packJ + cabinHeatJ / cop) / v.chargerEfficiency;
}
