/** Lead-funnel chart strings (FunnelChart.tsx), zh-CN first. `{name}` placeholders are filled by funnelText. */
import type { Locale } from '../../i18n/messages.ts';
import { fillPlaceholders } from '../../i18n/index.ts';

const zh = {
  'step.session_started': '到店会话',
  'step.questionnaire_completed': '完成问卷',
  'step.plan_viewed': '查看方案',
  'step.lead_submitted': '留资',
  'step.test_drive_booked': '预约试驾',
  'steps.title': '转化漏斗',
  'steps.store': '门店 {store}',
  'steps.allStores': '全部门店',
  'steps.stepConversion': '{from} → {to}：{value}',
  'steps.overall': '整体转化率（留资 / 到店会话）',
  'steps.speed': '首次联系用时（中位数）',
  'steps.speedSample': '基于 {count} 条已联系线索',
  'steps.summary': '{scope}：{steps}。整体转化率 {overall}，首次联系用时中位数 {speed}。',
  'daily.title': '每日漏斗',
  'daily.range': '{from} 至 {to}',
  'daily.summary': '{scope}，{range}，共 {days} 天：{steps}。单日最多 {max}。',
  'daily.day': '{day}：{steps}',
  'daily.legend': '图例',
  minutes: '{value} 分钟',
  hours: '{value} 小时',
  none: '—',
  listSeparator: '，',
  countPair: '{name} {value}',
};
const en: Record<keyof typeof zh, string> = {
  'step.session_started': 'Kiosk sessions',
  'step.questionnaire_completed': 'Questionnaires',
  'step.plan_viewed': 'Plans viewed',
  'step.lead_submitted': 'Leads',
  'step.test_drive_booked': 'Test drives',
  'steps.title': 'Conversion funnel',
  'steps.store': 'Store {store}',
  'steps.allStores': 'All stores',
  'steps.stepConversion': '{from} → {to}: {value}',
  'steps.overall': 'Overall conversion (leads / sessions)',
  'steps.speed': 'Speed to lead (median)',
  'steps.speedSample': 'from {count} contacted leads',
  'steps.summary': '{scope}: {steps}. Overall conversion {overall}, median speed to lead {speed}.',
  'daily.title': 'Funnel per day',
  'daily.range': '{from} to {to}',
  'daily.summary': '{scope}, {range}, {days} days: {steps}. Highest daily count {max}.',
  'daily.day': '{day}: {steps}',
  'daily.legend': 'Legend',
  minutes: '{value} min',
  hours: '{value} h',
  none: '—',
  listSeparator: ', ',
  countPair: '{name} {value}',
};

export type FunnelTextKey = keyof typeof zh;
const TABLE: Record<Locale, Record<FunnelTextKey, string>> = { 'zh-CN': zh, en };

/** The string for the locale with its `{name}` placeholders filled (a missing one stays visible). */
export function funnelText(locale: Locale, key: FunnelTextKey, params?: Record<string, string | number>): string {
  return fillPlaceholders(TABLE[locale][key], params);
}
