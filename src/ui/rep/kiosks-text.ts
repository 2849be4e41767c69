/** "展厅终端 / Kiosks" strings (KiosksView.tsx), zh-CN first. `{name}` placeholders are filled by kiosksText. */
import type { Locale } from '../../i18n/messages.ts';
import { fillPlaceholders, type MessageParams } from '../../i18n/index.ts';

const zh = {
  title: '展厅终端',
  hint: '每台展台每分钟向线索服务器报告一次状态。超过 {minutes} 分钟没有消息的展台会标出警告。本页每 30 秒刷新。',
  refresh: '立即刷新',
  updated: '更新于 {time}',
  loading: '正在加载展台列表…',
  'load.failed': '展台列表加载失败：{message}',
  empty: '还没有展台报告过状态。展台打开后一分钟内会出现在这里。',
  summary: '共 {n} 台展台',
  'summary.quiet': '共 {n} 台展台，其中 {quiet} 台没有消息',
  thisKiosk: '本机',
  store: '门店 {store}',
  'quiet.warning': '{name} 已 {duration}没有消息（最后一次 {time}）：请检查展台的电源、网络和浏览器。',
  'seen.label': '最后消息',
  'seen.justNow': '刚刚',
  'version.label': '版本',
  'version.differs': '与服务器版本 {server} 不同：展台尚未更新',
  'screen.label': '当前页面',
  'screen.unknown': '未知页面',
  'outbox.label': '待发送 / 发送失败',
  'outbox.unknown': '无法读取（浏览器无本机存储）',
  'outbox.failed': '有 {n} 条线索发送失败，请在该展台的「本机同步」中处理',
  'storage.label': '持久存储',
  'storage.yes': '已授予',
  'storage.no': '未授予：清理浏览数据会删除离线缓存和待发送线索',
  'storage.unknown': '浏览器不支持',
  'storage.usage': '已用 {usage}，可用 {quota}',
  'sw.label': '离线运行',
  'sw.ready': '可离线运行',
  'sw.installing': '正在缓存',
  'sw.none': '未启用（需要 localhost 或 HTTPS）',
  'sw.waiting': '新版本已下载，下一位顾客前应用',
  'error.label': '最近错误',
  'error.none': '无',
};

const en: Record<keyof typeof zh, string> = {
  title: 'Kiosks',
  hint: 'Each kiosk reports its state to the lead server once a minute. A kiosk not heard from for more than {minutes} minutes is flagged. This page refreshes every 30 s.',
  refresh: 'Refresh now',
  updated: 'Updated {time}',
  loading: 'Loading the kiosks…',
  'load.failed': 'Could not load the kiosks: {message}',
  empty: 'No kiosk has reported yet. A kiosk shows here within a minute of being opened.',
  summary: 'Kiosks: {n}',
  'summary.quiet': 'Kiosks: {n}, not heard from: {quiet}',
  thisKiosk: 'This kiosk',
  store: 'Store {store}',
  'quiet.warning': '{name} has not been heard from for {duration} (last at {time}): check its power, network and browser.',
  'seen.label': 'Last heard',
  'seen.justNow': 'just now',
  'version.label': 'Version',
  'version.differs': 'Not the server’s version {server}: the kiosk has not updated',
  'screen.label': 'Screen',
  'screen.unknown': 'Unknown screen',
  'outbox.label': 'Waiting / failed',
  'outbox.unknown': 'Cannot tell (no local storage in this browser)',
  'outbox.failed': 'Failed to send: {n}; see “This kiosk” on that kiosk',
  'storage.label': 'Persistent storage',
  'storage.yes': 'Granted',
  'storage.no': 'Not granted: clearing browsing data deletes the offline cache and waiting leads',
  'storage.unknown': 'Not supported by the browser',
  'storage.usage': '{usage} used of {quota}',
  'sw.label': 'Offline',
  'sw.ready': 'Works offline',
  'sw.installing': 'Caching',
  'sw.none': 'Off (needs localhost or HTTPS)',
  'sw.waiting': 'A new version is downloaded and applies before the next customer',
  'error.label': 'Last error',
  'error.none': 'None',
};

export type KiosksMessageKey = keyof typeof zh;
/** Both tables (a test checks they have the same placeholders). */
export const KIOSKS_MESSAGES: Record<Locale, Record<KiosksMessageKey, string>> = { 'zh-CN': zh, en };

/** A kiosks view string with `{name}` placeholders filled in. */
export function kiosksText(locale: Locale, key: KiosksMessageKey, params?: MessageParams): string {
  return fillPlaceholders(KIOSKS_MESSAGES[locale][key], params);
}
