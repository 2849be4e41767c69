/** Contact form strings (the consent notice itself comes from src/leads/consent-notice.ts). */
import type { Locale } from '../../i18n/messages.ts';

const zh = {
  title: '留下联系方式，预约试驾',
  lead: '顾问会尽快与您联系。带 * 的为必填项。',
  name: '姓名 *',
  phone: '手机号 *',
  phoneHint: '中国大陆手机号，或带国家区号的号码，如 +852…',
  email: '电子邮箱（选填）',
  slot: '希望的试驾时间（选填）',
  slotNone: '稍后再约',
  submit: '提交',
  saving: '正在保存…',
  'problem.name': '请填写姓名',
  'problem.phone': '请填写有效的手机号：中国大陆 11 位手机号（可带 +86），其他地区请带国家区号',
  'problem.email': '电子邮箱格式不正确',
  'problem.consent': '请勾选同意门店联系您，才能提交',
  'done.title': '已收到，谢谢！',
  'done.body': '您的预约已保存在本机，顾问会尽快联系您。',
  'done.offline': '当前网络不可用：信息已安全保存在本机，网络恢复后会自动发送。',
  'done.again': '返回首页',
  'error.storage': '本机无法保存信息，请联系店内顾问。',
  dealer: '维拉汽车授权体验中心',
  maker: '维拉汽车',
};
const en: Record<keyof typeof zh, string> = {
  title: 'Leave your contact for a test drive',
  lead: 'A consultant will contact you soon. Fields marked * are required.',
  name: 'Name *',
  phone: 'Mobile number *',
  phoneHint: 'A mainland China mobile number, or a number with its country code, e.g. +852…',
  email: 'Email (optional)',
  slot: 'Preferred test-drive time (optional)',
  slotNone: 'Arrange later',
  submit: 'Submit',
  saving: 'Saving…',
  'problem.name': 'Please enter your name',
  'problem.phone': 'Please enter a valid mobile number: 11 digits for mainland China (+86 optional), or with the country code elsewhere',
  'problem.email': 'This email address does not look right',
  'problem.consent': 'Please agree to be contacted to submit',
  'done.title': 'Thank you, we have it!',
  'done.body': 'Your request is saved on this kiosk and a consultant will contact you soon.',
  'done.offline': 'The network is down: your details are safely stored on this kiosk and will be sent when it is back.',
  'done.again': 'Back to the start',
  'error.storage': 'This kiosk cannot store your details; please ask a consultant.',
  dealer: 'Vela authorised experience centre',
  maker: 'Vela Automobile',
};

export type ContactMessageKey = keyof typeof zh;
const TABLE: Record<Locale, Record<ContactMessageKey, string>> = { 'zh-CN': zh, en };

export function contactText(locale: Locale, key: ContactMessageKey): string {
  return TABLE[locale][key];
}
