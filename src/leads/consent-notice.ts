/**
 * The personal-information notice and the separate consents the contact form shows (PIPL arts. 14,
 * 17, 23, 39; GDPR art. 13): purpose, categories, retention, who receives the data, and a way to
 * refuse tag-based marketing. Pure and shared: the kiosk renders it, the lead records its version.
 * Change a text -> bump NOTICE_VERSION, so consent records keep pointing at what the customer read.
 */
export const NOTICE_VERSION = '2026-12';

export type NoticeLocale = 'zh-CN' | 'en';
export type NoticeParams = { dealerName: string; makerName: string; retentionDays: number; crmLocation?: string };

export type ConsentNotice = {
  /** Goes into lead.consent.textVersion, e.g. `2026-05/zh-CN`. */
  textVersion: string;
  title: string;
  body: string[];
  /** Required to submit. */
  contact: string;
  /** Each optional and unticked by default. */
  marketing: string;
  tagMarketing: string;
  shareWithMaker: string;
  crossBorderCrm: string | null;
};

/** Builds the notice for a locale; `crossBorderCrm` is null when the CRM is in mainland China. */
export function consentNotice(locale: NoticeLocale, p: NoticeParams): ConsentNotice {
  const textVersion = `${NOTICE_VERSION}/${locale}`;
  if (locale === 'zh-CN') {
    return {
      textVersion,
      title: '个人信息处理告知',
      body: [
        `${p.dealerName}（个人信息处理者）收集您的姓名、手机号，以及您选填的电子邮箱、试驾时间、问卷答案和在本机的浏览记录，用于联系您、安排试驾和推荐车型。`,
        `您的信息保存 ${p.retentionDays} 天（自最近一次到店互动起），到期自动删除；您可随时要求查阅、更正或删除。`,
        '需求标签只记录类别（如“家庭用车”），不记录儿童等家庭成员的任何具体信息。',
      ],
      contact: '我同意门店使用以上信息联系我（必选）',
      marketing: '我同意接收新车型和活动信息（可选）',
      tagMarketing: '我同意根据我的需求标签为我推荐优惠（可选，不勾选即拒绝）',
      shareWithMaker: `我同意门店将信息提供给 ${p.makerName}，用于同样目的（可选）`,
      crossBorderCrm: p.crmLocation ? `我同意将信息存储于境外的客户管理系统（${p.crmLocation}）（可选）` : null,
    };
  }
  return {
    textVersion,
    title: 'How we use your personal information',
    body: [
      `${p.dealerName} (the handler of your information) collects your name and mobile number, and if you give them your email, preferred test-drive time, questionnaire answers and what you viewed on this kiosk, to contact you, arrange a test drive and suggest a car.`,
      `We keep it for ${p.retentionDays} days after your last visit, then delete it; you can ask to see, correct or delete it at any time.`,
      'Need tags record categories only (such as "family car"), never details of children or other family members.',
    ],
    contact: 'I agree that the showroom may use this information to contact me (required)',
    marketing: 'Send me news about models and events (optional)',
    tagMarketing: 'Suggest offers based on my need tags (optional; leave unticked to refuse)',
    shareWithMaker: `Share my information with ${p.makerName} for the same purposes (optional)`,
    crossBorderCrm: p.crmLocation ? `Store my information in a customer system outside mainland China (${p.crmLocation}) (optional)` : null,
  };
}
