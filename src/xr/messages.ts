/**
 * What the in-world panels say, in zh-CN and en. Text in XR is drawn with an MSDF font made at build
 * time from these tables (and the vehicle bundles' names and hotspots), so every character here is
 * in the atlas; a character the font lacks fails the build. Placeholders are `{name}`.
 */
import type { Locale, MessageParams } from '../i18n/messages.ts';
import { fillPlaceholders } from '../i18n/index.ts';

const zh = {
  'panel.title': '续航场景',
  'panel.views': '视图',
  'view.exterior': '外观',
  'view.xray': '透视',
  'view.exploded': '电池包分解',
  'scenario.summerCity': '夏季城市',
  'scenario.winterHighway': '冬季高速',
  'scenario.commute': '我的通勤',
  'scenario.ambient': '{temp}°C',
  'range.km': '续航 {km} 公里',
  'range.perKm': '{value} kWh/百公里',
  'range.pack': '电芯 {temp}°C',
  'range.computing': '正在计算…',
  'warning.over-power': '注意：这段路况超出了车辆的动力，模拟的车跟不上',
  'warning.climate-capacity': '注意：暖风功率不足，车内达不到设定温度',
  'warning.battery-empty-before-distance': '注意：电量不够跑完这段路程',
  'breakdown.aero': '风阻',
  'breakdown.rolling': '滚动阻力',
  'breakdown.grade': '坡度',
  'breakdown.inertia': '加速惯性',
  'breakdown.drivetrain': '电驱损耗',
  'breakdown.battery': '电池内耗',
  'breakdown.climate': '空调',
  'breakdown.batteryThermal': '电池加热',
  'breakdown.auxiliaries': '低压用电',
  'breakdown.regen': '能量回收',
  'place.scanning': '请缓慢移动，对准地面',
  'place.ready': '点击或扣动扳机，把车放在这里',
  'place.fallback': '没有找到地面：车放在您面前的地板上',
  'place.adjust': '拖动移动，双指或摇杆旋转',
  'place.again': '重新放置',
  'scale.full': '1:1 实车',
  'scale.table': '1:10 桌面',
  'seat.title': '坐进车里',
  'seat.driver': '驾驶位',
  'seat.rear': '后排',
  'seat.frunk': '充电口旁',
  'seat.stand': '站在车旁',
  'hotspot.close': '关闭',
  'exit': '退出',
  'lang.other': 'English',
} as const satisfies Record<string, string>;

export type XrMessageKey = keyof typeof zh;

const en: Record<XrMessageKey, string> = {
  'panel.title': 'Range scenario',
  'panel.views': 'View',
  'view.exterior': 'Exterior',
  'view.xray': 'X-ray',
  'view.exploded': 'Exploded pack',
  'scenario.summerCity': 'Summer city',
  'scenario.winterHighway': 'Winter highway',
  'scenario.commute': 'My commute',
  'scenario.ambient': '{temp}°C',
  'range.km': 'Range {km} km',
  'range.perKm': '{value} kWh/100 km',
  'range.pack': 'Cells {temp}°C',
  'range.computing': 'Computing…',
  'warning.over-power': 'Note: this drive asks more than the car can give; the simulated car falls behind',
  'warning.climate-capacity': 'Note: the heater is too small to reach the set cabin temperature',
  'warning.battery-empty-before-distance': 'Note: the battery runs out before the end of this drive',
  'breakdown.aero': 'Aerodynamic drag',
  'breakdown.rolling': 'Rolling resistance',
  'breakdown.grade': 'Grade',
  'breakdown.inertia': 'Acceleration',
  'breakdown.drivetrain': 'Drivetrain losses',
  'breakdown.battery': 'Battery losses',
  'breakdown.climate': 'Climate',
  'breakdown.batteryThermal': 'Battery heating',
  'breakdown.auxiliaries': 'Auxiliaries',
  'breakdown.regen': 'Regen recovered',
  'place.scanning': 'Move slowly and point at the floor',
  'place.ready': 'Tap or pull the trigger to place the car here',
  'place.fallback': 'No floor found: the car stands on the floor in front of you',
  'place.adjust': 'Drag to move; twist two fingers or push the stick to turn',
  'place.again': 'Place again',
  'scale.full': 'Full size',
  'scale.table': '1:10 on a table',
  'seat.title': 'Take a seat',
  'seat.driver': 'Driver',
  'seat.rear': 'Rear seat',
  'seat.frunk': 'By the charge port',
  'seat.stand': 'Beside the car',
  'hotspot.close': 'Close',
  'exit': 'Exit',
  'lang.other': '中文',
};

export const XR_MESSAGES: Record<Locale, Record<XrMessageKey, string>> = { 'zh-CN': zh, en };

export function xrText(locale: Locale, key: XrMessageKey, params?: MessageParams): string {
  return fillPlaceholders(XR_MESSAGES[locale][key], params);
}
