/**
 * "This machine" as a host name: what the server accepts as the local kiosk's Host, where it sends
 * COOP over plain HTTP, and when a page asks for the local kiosk's token. Pure and shared.
 */
const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/i;

/** Whether a Host header or a page's host name (with or without port) names this machine. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOST.test(host);
}
