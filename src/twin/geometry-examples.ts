/**
 * Reference geometry sections for the Vela line-up (fictional brand).
 * Used by tests and as the documented example for bundle authors; the
 * bundles themselves carry their own copy in `vehicle.json` -> `geometry`.
 */
import type { VehicleGeometryInput } from './geometry-schema';

const paints: VehicleGeometryInput['paints'] = [
  { id: 'aurora-white', name: { 'zh-CN': '极光白', en: 'Aurora White' }, hex: '#e9eaea', metalness: 0.2, roughness: 0.3 },
  { id: 'nebula-grey', name: { 'zh-CN': '星云灰', en: 'Nebula Grey' }, hex: '#5b6067', metalness: 0.7, roughness: 0.35 },
  { id: 'abyss-blue', name: { 'zh-CN': '深海蓝', en: 'Abyss Blue' }, hex: '#1f3b63', metalness: 0.7, roughness: 0.3 },
  { id: 'cinnabar-red', name: { 'zh-CN': '朱砂红', en: 'Cinnabar Red' }, hex: '#9c1c22', metalness: 0.6, roughness: 0.3 },
];

/** Vela S5: fastback sedan, 245/45 R19, 8-module LFP pack, dual motor. */
export const VELA_S5_GEOMETRY: VehicleGeometryInput = {
  bodyStyle: 'sedan',
  lengthMm: 4890,
  widthMm: 1880,
  heightMm: 1460,
  wheelbaseMm: 2920,
  trackFrontMm: 1610,
  trackRearMm: 1620,
  groundClearanceMm: 140,
  frontOverhangMm: 900,
  wheel: { rimDiameterIn: 19, tyreWidthMm: 245, tyreAspectPct: 45, spokeCount: 5 },
  pack: {
    lengthMm: 2480,
    widthMm: 1480,
    heightMm: 125,
    centreForwardMm: 0,
    moduleCount: 8,
    arrangement: { rows: 4, columns: 2, layers: 1 },
    cell: { format: 'prismatic', chemistry: 'LFP', lengthMm: 174, widthMm: 28, heightMm: 92, nominalVoltageV: 3.2, capacityAh: 100 },
    cellsPerModule: 20,
    sideBeams: true,
  },
  motors: [
    { id: 'front', axle: 'front', kind: 'induction', peakPowerKw: 150, forwardOfAxleMm: 0 },
    { id: 'rear', axle: 'rear', kind: 'pmsm', peakPowerKw: 250, forwardOfAxleMm: 0 },
  ],
  harness: [
    { id: 'pack_to_front_edu', diameterMm: 24, points: [
      { forwardMm: 1240, leftMm: 200, upMm: 230 }, { forwardMm: 1330, leftMm: 160, upMm: 300 }, { forwardMm: 1380, leftMm: 60, upMm: 360 } ] },
    { id: 'pack_to_rear_edu', diameterMm: 24, points: [
      { forwardMm: -1240, leftMm: -200, upMm: 230 }, { forwardMm: -1330, leftMm: -160, upMm: 300 }, { forwardMm: -1380, leftMm: -60, upMm: 360 } ] },
    { id: 'pack_to_charge_port', diameterMm: 20, points: [
      { forwardMm: -1240, leftMm: 560, upMm: 230 }, { forwardMm: -1500, leftMm: 720, upMm: 420 }, { forwardMm: -1950, leftMm: 830, upMm: 760 } ] },
    { id: 'pack_to_compressor', diameterMm: 14, points: [
      { forwardMm: 1240, leftMm: -320, upMm: 230 }, { forwardMm: 1560, leftMm: -380, upMm: 420 }, { forwardMm: 1800, leftMm: -400, upMm: 560 } ] },
  ],
  chargePort: { side: 'left', end: 'rear', v2l: true },
  paints,
  defaultPaint: 'abyss-blue',
};

/** Vela X7: seven-seat SUV, 265/45 R21, 12-module NMC pack, dual motor. */
export const VELA_X7_GEOMETRY: VehicleGeometryInput = {
  bodyStyle: 'suv',
  lengthMm: 5080,
  widthMm: 1960,
  heightMm: 1760,
  wheelbaseMm: 3050,
  trackFrontMm: 1680,
  trackRearMm: 1690,
  groundClearanceMm: 190,
  frontOverhangMm: 930,
  wheel: { rimDiameterIn: 21, tyreWidthMm: 265, tyreAspectPct: 45, spokeCount: 6 },
  pack: {
    lengthMm: 2640,
    widthMm: 1560,
    heightMm: 150,
    centreForwardMm: -20,
    moduleCount: 12,
    arrangement: { rows: 6, columns: 2, layers: 1 },
    cell: { format: 'prismatic', chemistry: 'NMC', lengthMm: 148, widthMm: 27, heightMm: 102, nominalVoltageV: 3.65, capacityAh: 120 },
    cellsPerModule: 14,
    sideBeams: true,
  },
  motors: [
    { id: 'front', axle: 'front', kind: 'pmsm', peakPowerKw: 180, forwardOfAxleMm: 0 },
    { id: 'rear', axle: 'rear', kind: 'pmsm', peakPowerKw: 300, forwardOfAxleMm: 0 },
  ],
  harness: [
    { id: 'pack_to_front_edu', diameterMm: 26, points: [
      { forwardMm: 1290, leftMm: 220, upMm: 300 }, { forwardMm: 1400, leftMm: 170, upMm: 380 }, { forwardMm: 1450, leftMm: 60, upMm: 410 } ] },
    { id: 'pack_to_rear_edu', diameterMm: 26, points: [
      { forwardMm: -1330, leftMm: -220, upMm: 300 }, { forwardMm: -1420, leftMm: -170, upMm: 380 }, { forwardMm: -1450, leftMm: -60, upMm: 410 } ] },
    { id: 'pack_to_charge_port', diameterMm: 22, points: [
      { forwardMm: -1330, leftMm: 600, upMm: 300 }, { forwardMm: -1600, leftMm: 760, upMm: 520 }, { forwardMm: -2050, leftMm: 870, upMm: 900 } ] },
    { id: 'pack_to_compressor', diameterMm: 14, points: [
      { forwardMm: 1290, leftMm: -340, upMm: 300 }, { forwardMm: 1620, leftMm: -400, upMm: 520 }, { forwardMm: 1850, leftMm: -420, upMm: 680 } ] },
  ],
  chargePort: { side: 'left', end: 'rear', v2l: true },
  paints: [...paints, { id: 'forest-green', name: { 'zh-CN': '森林绿', en: 'Forest Green' }, hex: '#2c4a3a', metalness: 0.6, roughness: 0.35 }],
  defaultPaint: 'nebula-grey',
};
