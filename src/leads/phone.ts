/**
 * Phone number normalisation for lead capture. Pure: no Node or DOM imports, shared with the kiosk.
 *
 * Mainland China mobile numbers are 11 digits. Ranges follow the MIIT numbering plan as assigned to
 * China Mobile, China Unicom, China Telecom, China Broadnet and their virtual operators (2024):
 * 130-139, 145-149, 150-153, 155-159, 162, 165-167, 170-178, 180-189, 190-193, 195-199.
 * 140-144 and 1064 prefixes are 13-digit IoT (M2M) numbers: they cannot receive a sales call and are
 * rejected. Other countries are accepted in E.164 form (`+` country code, 8 to 15 digits in all).
 */

/** A phone number in E.164 form, e.g. `+8613812345678`. */
export type E164Phone = string;

export type PhoneResult = { ok: true; e164: E164Phone } | { ok: false; reason: PhoneRejection };

export type PhoneRejection = 'empty' | 'characters' | 'iot-number' | 'cn-range' | 'cn-length' | 'e164';

/** 11-digit mainland mobile numbers in currently assigned ranges. */
export const CN_MOBILE_RE = /^1(?:3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}$/;
/** 13-digit IoT numbers (140-144 segments and the 1064 M2M block). */
const CN_IOT_RE = /^(?:14[0-4]\d{10}|1064\d{9})$/;
const E164_RE = /^\+[1-9]\d{7,14}$/;
const ALLOWED_CHARS_RE = /^[+\d\s\-().]*$/;

/**
 * Parse a phone number as typed on the kiosk into E.164.
 * Accepts `13812345678`, `138 1234 5678`, `+86 138-1234-5678`, `0086 13812345678`, `86 13812345678`
 * and international numbers written with a leading `+` or `00`.
 */
export function parsePhone(input: string): PhoneResult {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (trimmed.length > 32 || !ALLOWED_CHARS_RE.test(trimmed)) return { ok: false, reason: 'characters' };
  const plus = trimmed.startsWith('+');
  let digits = trimmed.replace(/\D/g, '');
  if (!plus && digits.startsWith('00')) digits = digits.slice(2);
  else if (!plus && digits.startsWith('86') && digits.length === 13 && digits[2] === '1') {
    // "86 138..." without a plus: only when what follows is an 11-digit mainland number.
    digits = digits.slice(2);
    return checkMainland(digits);
  } else if (!plus) return checkMainland(digits);
  if (digits.startsWith('86')) return checkMainland(digits.slice(2));
  const e164 = `+${digits}`;
  return E164_RE.test(e164) ? { ok: true, e164 } : { ok: false, reason: 'e164' };
}

function checkMainland(national: string): PhoneResult {
  if (CN_IOT_RE.test(national)) return { ok: false, reason: 'iot-number' };
  if (national.length !== 11) return { ok: false, reason: 'cn-length' };
  if (!CN_MOBILE_RE.test(national)) return { ok: false, reason: 'cn-range' };
  return { ok: true, e164: `+86${national}` };
}

/** Human-readable reasons (English; the kiosk maps the codes to zh-CN itself). */
export const PHONE_REJECTION_MESSAGES: Record<PhoneRejection, string> = {
  empty: 'phone number is required',
  characters: 'phone number may contain only digits, spaces, dashes, brackets and a leading +',
  'iot-number': '13-digit IoT numbers cannot be used',
  'cn-range': 'not a mainland China mobile number in an assigned range',
  'cn-length': 'mainland China mobile numbers have 11 digits',
  e164: 'international numbers need a country code (E.164, up to 15 digits)',
};
