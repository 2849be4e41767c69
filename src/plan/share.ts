/**
 * The share link carries the answers, never personal data: base64url of the answers' JSON in the
 * URL fragment, so it never reaches a server log either. A kiosk adds a create-only token of its
 * store (`k`) and its expiry (`x`), so a test-drive request made on the customer's phone reaches that store.
 */
import { linkTokenParams, type LinkToken } from '../leads/link-token.ts';
import { AnswersSchema, type Answers } from './answers-schema.ts';

export const PLAN_ROUTE = '#/plan';

export function encodeAnswers(answers: Answers): string {
  const bytes = new TextEncoder().encode(JSON.stringify(AnswersSchema.parse(answers)));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The answers in a share token, or null when the token is damaged or not answers. */
export function decodeAnswers(token: string): Answers | null {
  if (!/^[A-Za-z0-9_-]{0,4000}$/.test(token)) return null;
  try {
    const binary = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const parsed = AnswersSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The link a QR code opens: `<origin>/#/plan?a=<answers>`, with the store token and its expiry
 * (`&k=<token>&x=<unix seconds>`, see src/leads/link-token.ts) when given.
 */
export function planLink(origin: string, answers: Answers, storeToken?: LinkToken): string {
  return `${origin.replace(/\/$/, '')}/${PLAN_ROUTE}?a=${encodeAnswers(answers)}${storeToken ? `&${linkTokenParams(storeToken)}` : ''}`;
}
