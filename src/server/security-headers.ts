/**
 * Security headers for every response: the set helmet 8 sends by default, with a CSP for the kiosk
 * (three.js and WebXR: wasm decoders and blob workers; inline styles from React). Computed once:
 * @fastify/helmet rebuilds helmet's middleware on every request, which cost 7% of the server's CPU
 * in bench/leads.bench.ts.
 */
import { isLoopbackHost } from '../leads/loopback.ts';

const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "script-src-attr 'none'",
  // No upgrade-insecure-requests: kiosks are often reached over plain HTTP on the showroom LAN.
].join(';');

/** Sent on every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CSP,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

/** The headers without Cross-Origin-Opener-Policy, for origins the browser does not trust. */
const WITHOUT_COOP: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(SECURITY_HEADERS).filter(([name]) => name !== 'cross-origin-opener-policy'));

/**
 * The headers for one request. Browsers ignore COOP on an origin that is not potentially
 * trustworthy (plain HTTP from anything but localhost: a phone on the showroom LAN) and log an
 * error on every page load, so it is sent only over HTTPS or to localhost.
 */
export function securityHeaders(req: { protocol: string; headers: { host?: string | undefined } }): Readonly<Record<string, string>> {
  return req.protocol === 'https' || isLoopbackHost(req.headers.host ?? '') ? SECURITY_HEADERS : WITHOUT_COOP;
}
