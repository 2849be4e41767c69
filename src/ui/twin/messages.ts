/** Viewer chrome strings (hotspot texts come from the bundle). */
import type { Locale } from '../../i18n/messages.ts';
import { fillPlaceholders } from '../../i18n/index.ts';

const zh = {
  'view.exterior': '外观', 'view.xray': '透视', 'view.exploded': '电池爆炸图', 'view.section': '剖切',
  'cam.front34': '前45°', 'cam.side': '侧面', 'cam.rear': '后方', 'cam.top': '俯视', 'cam.under': '底部',
  'paint': '车漆', 'section': '剖切位置', 'loading': '正在加载三维模型…', 'close': '关闭',
  'error.title': '三维模型无法显示', 'error.body': '模型文件缺失或已损坏。其他功能不受影响。', 'retry': '重试',
  'missing': '此模型未按部件命名规范提供以下部件，相关视图已停用：', 'contextLost': '图形上下文已丢失，正在恢复…',
  'trim': '车型', 'hotspots': '亮点',
  'thermal.title': '电池温度', 'thermal.departure': '出发时', 'thermal.after': '行驶后',
  'thermal.legend': '{scenario}：电芯 {start} 出发，行驶 {hours} 小时后 {end}',
  'thermal.cold': '电芯偏冷：可用电量和能量回收都会减少', 'thermal.ok': '电芯温度适宜', 'thermal.hot': '电芯偏热：冷却系统在工作',
};
const en: Record<keyof typeof zh, string> = {
  'view.exterior': 'Exterior', 'view.xray': 'X-ray', 'view.exploded': 'Exploded pack', 'view.section': 'Section',
  'cam.front34': 'Front ¾', 'cam.side': 'Side', 'cam.rear': 'Rear', 'cam.top': 'Top', 'cam.under': 'Under',
  'paint': 'Paint', 'section': 'Cut position', 'loading': 'Loading the 3D model…', 'close': 'Close',
  'error.title': 'The 3D model cannot be shown', 'error.body': 'The model file is missing or broken. Everything else still works.', 'retry': 'Retry',
  'missing': 'This model lacks parts named by the convention; these views are off:', 'contextLost': 'Graphics context lost, recovering…',
  'trim': 'Model', 'hotspots': 'Highlights',
  'thermal.title': 'Battery temperature', 'thermal.departure': 'At departure', 'thermal.after': 'After the drive',
  'thermal.legend': '{scenario}: cells at {start} on departure, {end} after {hours} h of driving',
  'thermal.cold': 'Cold cells: less usable energy and less regenerative braking', 'thermal.ok': 'Cells at a comfortable temperature', 'thermal.hot': 'Warm cells: the cooling system is working',
};

export type TwinMessageKey = keyof typeof zh;
const TABLE: Record<Locale, Record<TwinMessageKey, string>> = { 'zh-CN': zh, en };

export function twinText(locale: Locale, key: TwinMessageKey, params: Record<string, string> = {}): string {
  return fillPlaceholders(TABLE[locale][key], params);
}
