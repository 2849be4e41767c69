/**
 * One-off authoring helper: writes the `geometry` and `twin` keys of each
 * Vela bundle (public/models/<id>/vehicle.json) from the reference
 * geometries, adjusted per trim so the twin matches the range physics
 * (cell chemistry and count, motors, wheels, heat pump, V2L). Every other
 * key is left byte-for-byte as the lead wrote it.
 *
 *   npx tsx scripts/models-seed.ts
 *
 * After seeding, the bundle is the source of truth: edit vehicle.json, then
 * `npm run models`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { VELA_S5_GEOMETRY, VELA_X7_GEOMETRY } from '../src/twin/geometry-examples.ts';
import { VehicleGeometrySchema, type VehicleGeometryInput } from '../src/twin/geometry-schema.ts';
import { TwinSchema } from '../src/twin/twin-schema.ts';

interface Trim {
  base: VehicleGeometryInput;
  wheel: VehicleGeometryInput['wheel'];
  pack: Partial<VehicleGeometryInput['pack']>;
  motors: VehicleGeometryInput['motors'];
  paint: string;
}

const lfpSedan = { format: 'prismatic', chemistry: 'LFP', lengthMm: 220, widthMm: 50, heightMm: 90, nominalVoltageV: 3.2, capacityAh: 160 } as const;
const nmcSedan = { format: 'prismatic', chemistry: 'NMC', lengthMm: 148, widthMm: 27, heightMm: 95, nominalVoltageV: 3.65, capacityAh: 100 } as const;
const lfpSuv = { format: 'prismatic', chemistry: 'LFP', lengthMm: 220, widthMm: 50, heightMm: 100, nominalVoltageV: 3.2, capacityAh: 156 } as const;
const nmcSuv = { format: 'prismatic', chemistry: 'NMC', lengthMm: 148, widthMm: 27, heightMm: 102, nominalVoltageV: 3.65, capacityAh: 70 } as const;

const rear = (kw: number) => ({ id: 'rear', axle: 'rear', kind: 'pmsm', peakPowerKw: kw, forwardOfAxleMm: 0 }) as const;
const front = (kw: number, kind: 'pmsm' | 'induction') => ({ id: 'front', axle: 'front', kind, peakPowerKw: kw, forwardOfAxleMm: 0 }) as const;

const TRIMS: Record<string, Trim> = {
  // 120s1p LFP 160 Ah = 61.4 kWh nominal at 384 V (bundle: 60.5 kWh usable, 384 V).
  'vela-s5-standard': { base: VELA_S5_GEOMETRY, wheel: { rimDiameterIn: 18, tyreWidthMm: 235, tyreAspectPct: 50, spokeCount: 5 }, pack: { moduleCount: 8, arrangement: { rows: 4, columns: 2, layers: 1 }, cell: lfpSedan, cellsPerModule: 15 }, motors: [rear(190)], paint: 'aurora-white' },
  // 110s2p NMC 100 Ah = 80.3 kWh nominal at 402 V (bundle: 78.4 kWh usable, 402 V).
  'vela-s5-long-range': { base: VELA_S5_GEOMETRY, wheel: { rimDiameterIn: 19, tyreWidthMm: 245, tyreAspectPct: 45, spokeCount: 5 }, pack: { moduleCount: 10, arrangement: { rows: 5, columns: 2, layers: 1 }, cell: nmcSedan, cellsPerModule: 22 }, motors: [rear(230)], paint: 'abyss-blue' },
  'vela-s5-performance': { base: VELA_S5_GEOMETRY, wheel: { rimDiameterIn: 20, tyreWidthMm: 245, tyreAspectPct: 40, spokeCount: 6 }, pack: { moduleCount: 10, arrangement: { rows: 5, columns: 2, layers: 1 }, cell: nmcSedan, cellsPerModule: 22 }, motors: [front(160, 'induction'), rear(230)], paint: 'cinnabar-red' },
  // 170s1p LFP 156 Ah = 84.9 kWh nominal at 544 V (bundle: 83 kWh usable, 544 V).
  'vela-x7-standard': { base: VELA_X7_GEOMETRY, wheel: { rimDiameterIn: 20, tyreWidthMm: 265, tyreAspectPct: 50, spokeCount: 6 }, pack: { moduleCount: 10, arrangement: { rows: 5, columns: 2, layers: 1 }, cell: lfpSuv, cellsPerModule: 17 }, motors: [rear(250)], paint: 'nebula-grey' },
  // 198s2p NMC 70 Ah = 101.2 kWh nominal at 723 V (bundle: 101.5 kWh usable, 725 V).
  'vela-x7-long-range': { base: VELA_X7_GEOMETRY, wheel: { rimDiameterIn: 21, tyreWidthMm: 265, tyreAspectPct: 45, spokeCount: 6 }, pack: { moduleCount: 12, arrangement: { rows: 6, columns: 2, layers: 1 }, cell: nmcSuv, cellsPerModule: 33 }, motors: [front(190, 'pmsm'), rear(270)], paint: 'forest-green' },
};

interface BundleFacts { battery: { chemistry: string; usableKwh: number; nominalVoltageV: number }; drivetrain: { motorPeakKw: number; motorCount: number; drive: string }; hvac: { heatPump: boolean; heatPumpKw?: number; ptcKw?: number }; v2lKw?: number; dcFastChargeKw?: number }

function geometryFor(t: Trim): VehicleGeometryInput {
  const g = structuredClone(t.base);
  g.wheel = t.wheel;
  g.pack = { ...g.pack, ...t.pack };
  g.motors = t.motors;
  if (!t.motors.some((m) => m.axle === 'front')) g.harness = g.harness.filter((h) => h.id !== 'pack_to_front_edu');
  g.defaultPaint = t.paint;
  return g;
}

function twinFor(g: VehicleGeometryInput, v: BundleFacts) {
  const lfp = v.battery.chemistry === 'LFP';
  const cells = (g.pack.moduleCount ?? 0) * (g.pack.cellsPerModule ?? 0);
  const dual = v.drivetrain.motorCount > 1;
  const motorPart = 'motor/rear';
  const hp = v.hvac.heatPump;
  return {
    hotspots: [
      { id: 'cells', part: 'battery/module_01', view: 'xray', camera: 'top',
        title: { 'zh-CN': lfp ? '磷酸铁锂电芯与热失控防护' : '三元锂电芯与热失控防护', en: `${lfp ? 'LFP' : 'NMC'} cells and thermal-runaway protection` },
        body: { 'zh-CN': `${g.pack.moduleCount} 个模组共 ${cells} 颗方形电芯。电芯之间有隔热气凝胶，顶部设有定向泄压通道，单颗电芯失控时热量和气体被引离乘员舱；BMS 每 10 毫秒监测每颗电芯的电压与温度。`,
          en: `${cells} prismatic cells in ${g.pack.moduleCount} modules. Aerogel sheets between cells and a directed vent channel lead heat and gas away from the cabin if one cell fails; the BMS checks every cell's voltage and temperature every 10 ms.` } },
      { id: 'enclosure', part: 'battery/side_beam_left', view: 'xray', camera: 'side',
        title: { 'zh-CN': '电池包壳体与侧碰防护梁', en: 'Pack enclosure and side-impact beams' },
        body: { 'zh-CN': '铝合金托盘与挤压型材侧梁吸收侧面柱碰的能量，IP68 密封，可在 1 米水深浸泡 30 分钟。', en: 'An aluminium tray and extruded side beams take the energy of a side-pole impact; sealed to IP68, it survives 30 minutes under 1 m of water.' } },
      { id: 'hv-disconnect', part: 'hv/disconnect', view: 'xray', camera: 'front34',
        title: { 'zh-CN': '高压绝缘与碰撞自动断电', en: 'High-voltage isolation and crash disconnect' },
        body: { 'zh-CN': `橙色线束为 ${v.battery.nominalVoltageV} V 高压回路，全程双层绝缘并持续监测绝缘电阻。碰撞信号触发后，烟火式熔断器在毫秒级切断高压，电容随即主动放电。`, en: `Orange cables carry ${v.battery.nominalVoltageV} V; they are double-insulated and their insulation resistance is monitored all the time. On a crash signal a pyrotechnic fuse cuts the high voltage within milliseconds and the capacitors discharge.` } },
      { id: 'crash', part: 'crash/front', view: 'xray', camera: 'front34',
        title: { 'zh-CN': '吸能车身结构', en: 'Crash structure' },
        body: { 'zh-CN': '前后防撞梁与吸能盒逐级溃缩，热成型钢 A/B 柱与门槛梁构成乘员舱安全笼。', en: 'Bumper beams and crush cans collapse in stages; hot-stamped steel A/B pillars and sills form the safety cage around the cabin.' } },
      { id: 'thermal', part: 'thermal/heat_pump', view: 'xray', camera: 'front34',
        title: hp ? { 'zh-CN': '热泵与整车热管理回路', en: 'Heat pump and thermal loop' } : { 'zh-CN': 'PTC 加热与整车热管理回路', en: 'PTC heater and thermal loop' },
        body: hp
          ? { 'zh-CN': `${v.hvac.heatPumpKw ?? ''} kW 热泵从空气和电驱余热中取热，冬季比纯电加热更省电；同一冷却回路在快充时为电池降温。`, en: `A ${v.hvac.heatPumpKw ?? ''} kW heat pump draws heat from the air and from the drive units, using far less energy than resistive heating in winter; the same loop cools the pack while fast charging.` }
          : { 'zh-CN': `${v.hvac.ptcKw ?? ''} kW PTC 加热器为座舱与电池供热；冷却回路在快充时为电池降温。`, en: `A ${v.hvac.ptcKw ?? ''} kW PTC heater warms the cabin and the pack; the coolant loop cools the pack while fast charging.` } },
      { id: 'motor', part: motorPart, view: 'xray', camera: 'rear',
        title: { 'zh-CN': dual ? '双电机四驱' : '后置永磁同步电机', en: dual ? 'Dual-motor all-wheel drive' : 'Rear permanent-magnet motor' },
        body: { 'zh-CN': `峰值功率 ${v.drivetrain.motorPeakKw} kW。电机、减速器与碳化硅逆变器三合一集成，体积更小、效率更高。`, en: `${v.drivetrain.motorPeakKw} kW peak. Motor, reduction gear and silicon-carbide inverter in one compact, efficient unit.` } },
      { id: 'charge-port', part: 'charge_port', view: 'exterior', camera: 'rear',
        title: { 'zh-CN': '充电口与对外放电', en: 'Charge port and vehicle-to-load' },
        body: { 'zh-CN': `直流快充最高 ${v.dcFastChargeKw ?? ''} kW；插上放电枪即可对外供电 ${v.v2lKw ?? ''} kW，露营做饭都够用。`, en: `DC fast charging up to ${v.dcFastChargeKw ?? ''} kW; plug in the discharge adapter for ${v.v2lKw ?? ''} kW of vehicle-to-load power — enough for a campsite kitchen.` } },
      { id: 'underbody', part: 'battery/skid_plate', view: 'exterior', camera: 'under',
        title: { 'zh-CN': '底部护板', en: 'Underbody protection' },
        body: { 'zh-CN': '电池包下方的高强度护板抵御托底与路面飞石，并经过球击与刮底测试。', en: 'A high-strength shield under the pack takes kerb strikes and stones, tested with ball impacts and grounding runs.' } },
    ],
  };
}

/** Replace or append the trailing `geometry`/`twin` keys without reformatting the rest. */
export function withTwinKeys(text: string, geometry: unknown, twin: unknown): string {
  const indent = (v: unknown) => JSON.stringify(v, null, 2).replace(/\n/g, '\n  ');
  const cut = text.search(/,\s*\n\s{2}"geometry":/);
  const head = (cut >= 0 ? text.slice(0, cut) : text.replace(/\s*}\s*$/, '')).replace(/\s+$/, '');
  return `${head},\n  "geometry": ${indent(geometry)},\n  "twin": ${indent(twin)}\n}\n`;
}

function main() {
  for (const [id, trim] of Object.entries(TRIMS)) {
    const path = `public/models/${id}/vehicle.json`;
    const text = readFileSync(path, 'utf8');
    const bundle = JSON.parse(text) as BundleFacts;
    const geometry = geometryFor(trim);
    VehicleGeometrySchema.parse(geometry);
    const twin = TwinSchema.parse(twinFor(geometry, bundle));
    const out = withTwinKeys(text, geometry, twin);
    JSON.parse(out);
    writeFileSync(path, out);
    console.log(`${path}: geometry + ${twin.hotspots.length} hotspots`);
  }
}

if (process.argv[1]?.endsWith('models-seed.ts')) main();
