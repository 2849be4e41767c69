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
  // XR: the buttons, and why one is missing (src/xr/capabilities.ts reasons).
  'xr.title': 'AR 与 VR', 'xr.ar': 'AR 实景摆放', 'xr.vr': 'VR 头显漫游', 'xr.quickLook': 'AR 实景摆放', 'xr.starting': '正在启动…',
  'xr.handoff': '在手机上打开', 'xr.handoff.title': '用手机扫码，在 AR 里看这辆车',
  'xr.handoff.note': '手机会打开同一款车、同一车漆、同一视图和续航场景，用 Chrome（安卓）或 Safari（iPhone）进入 AR。',
  'xr.handoff.needsHttps': '手机只有通过 HTTPS 地址才能进入 AR，而这台大屏还没有手机能访问的 HTTPS 地址。请店里的管理员设置 PUBLIC_ORIGIN，或在大屏启动地址里加 ?share=https://…（见 docs/deploy.md）。',
  'xr.error.no-renderer': '三维视图还没准备好，请稍后再试。', 'xr.error.no-webxr': '这个浏览器没有 WebXR，进不了 AR 或 VR。',
  'xr.error.refused': '浏览器没有启动这次 AR/VR：{detail}',
  'xr.why.insecure-context': '这个页面是用 http 打开的：手机和头显只有在 HTTPS 地址下才能进入 AR 和 VR。请打开门店的 HTTPS 链接（扫描展厅大屏上的二维码）。',
  'xr.why.in-app-browser': '{app}内置的浏览器打不开 AR 和 VR，请在手机浏览器中打开本页。',
  'xr.why.no-webxr': '这个浏览器不支持 WebXR。请用安卓手机上的 Chrome，或头显自带的浏览器打开本页。',
  'xr.why.no-arcore': '这台手机没有可用的 ARCore（Google Play 服务 AR 版），所以不能把车摆在地面上。可以在上面的三维视图里看，或在展厅戴头显体验。',
  'xr.why.headset-vr-only': '这台头显的浏览器没有 AR 透视，可以用 VR 头显漫游看车。',
  'xr.why.headset-ar-only': '这台头显的浏览器没有 VR，可以用 AR 把车摆在展厅里看。',
  'xr.why.no-quick-look': '这个浏览器打不开 AR 快速查看，请在 Safari 中打开本页。',
  'xr.why.desktop': '电脑浏览器没有 AR：请用手机或头显打开本页。',
  'xr.why.kiosk': '展厅大屏不能进入 AR：点「在手机上打开」，用手机扫码，在手机上看同一辆车。',
  'xr.why.not-headset': 'VR 漫游需要头显（Quest、PICO 或 Vision Pro）。',
  'xr.why.quick-look-instead': '在 iPhone 和 iPad 上，AR 由系统的 AR 快速查看打开。',
  'xr.why.webxr-ar-instead': '这个浏览器可以直接进入 AR。',
  'xr.why.not-ios': 'AR 快速查看只在 iPhone 和 iPad 上有。',
  'xr.why.not-kiosk': '扫码到手机只在展厅大屏上提供。',
  'xr.why.not-in-app': '已经在浏览器里了。',
  'xr.openIn.how.wechat': '点右上角「···」，选「在浏览器打开」。',
  'xr.openIn.how.other': '点右上角的菜单（「···」），选在浏览器中打开；或者复制链接，粘贴到手机浏览器里。',
  'xr.openIn.copy': '复制链接', 'xr.openIn.copied': '链接已复制',
  'xr.app.wechat': '微信', 'xr.app.qq': 'QQ', 'xr.app.alipay': '支付宝', 'xr.app.dingtalk': '钉钉', 'xr.app.feishu': '飞书', 'xr.app.weibo': '微博', 'xr.app.other': '这个应用',
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
  'xr.title': 'AR and VR', 'xr.ar': 'AR on the floor', 'xr.vr': 'VR walkthrough', 'xr.quickLook': 'AR on the floor', 'xr.starting': 'Starting…',
  'xr.handoff': 'Open on your phone', 'xr.handoff.title': 'Scan with your phone to see this car in AR',
  'xr.handoff.note': 'Your phone opens the same car, paint, view and range scenario; enter AR in Chrome (Android) or Safari (iPhone).',
  'xr.handoff.needsHttps': 'A phone enters AR only from an HTTPS address, and this screen has none that phones can reach. Ask the store admin to set PUBLIC_ORIGIN, or to add ?share=https://… to this screen\'s start URL (docs/deploy.md).',
  'xr.error.no-renderer': 'The 3D view is not ready yet; try again in a moment.', 'xr.error.no-webxr': 'This browser has no WebXR, so no AR or VR.',
  'xr.error.refused': 'The browser did not start AR/VR: {detail}',
  'xr.why.insecure-context': 'This page was opened over plain http: phones and headsets enter AR and VR only from an HTTPS address. Open the showroom\'s HTTPS link (scan the code on the showroom screen).',
  'xr.why.in-app-browser': '{app}\'s built-in browser cannot open AR or VR: open this page in your phone\'s browser.',
  'xr.why.no-webxr': 'This browser has no WebXR. Open the page in Chrome on an Android phone, or in a headset\'s own browser.',
  'xr.why.no-arcore': 'This phone has no usable ARCore (Google Play Services for AR), so the car cannot be placed on the floor. Explore it in the 3D view above, or try a headset in the showroom.',
  'xr.why.headset-vr-only': 'This headset\'s browser has no AR passthrough; the VR walkthrough shows the car.',
  'xr.why.headset-ar-only': 'This headset\'s browser has no VR; AR puts the car in the room.',
  'xr.why.no-quick-look': 'This browser cannot open AR Quick Look: open the page in Safari.',
  'xr.why.desktop': 'A computer\'s browser has no AR: open this page on a phone or a headset.',
  'xr.why.kiosk': 'This showroom screen has no AR: tap "Open on your phone" and scan the code to see the same car on your phone.',
  'xr.why.not-headset': 'The VR walkthrough needs a headset (Quest, PICO or Vision Pro).',
  'xr.why.quick-look-instead': 'On iPhone and iPad, AR opens in the system\'s AR Quick Look.',
  'xr.why.webxr-ar-instead': 'This browser enters AR directly.',
  'xr.why.not-ios': 'AR Quick Look is on iPhone and iPad only.',
  'xr.why.not-kiosk': 'The code for a phone is shown on the showroom screen.',
  'xr.why.not-in-app': 'This is a browser already.',
  'xr.openIn.how.wechat': 'Tap "···" at the top right and choose "Open in Browser" (在浏览器打开).',
  'xr.openIn.how.other': 'Open the app\'s menu at the top right (···) and choose to open in the browser, or copy the link into your phone\'s browser.',
  'xr.openIn.copy': 'Copy link', 'xr.openIn.copied': 'Link copied',
  'xr.app.wechat': 'WeChat', 'xr.app.qq': 'QQ', 'xr.app.alipay': 'Alipay', 'xr.app.dingtalk': 'DingTalk', 'xr.app.feishu': 'Feishu', 'xr.app.weibo': 'Weibo', 'xr.app.other': 'This app',
};

export type TwinMessageKey = keyof typeof zh;
export const TWIN_MESSAGES: Record<Locale, Record<TwinMessageKey, string>> = { 'zh-CN': zh, en };

export function twinText(locale: Locale, key: TwinMessageKey, params: Record<string, string> = {}): string {
  return fillPlaceholders(TWIN_MESSAGES[locale][key], params);
}
