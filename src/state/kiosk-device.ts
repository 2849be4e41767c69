/**
 * Whether this browser is one of the store's kiosks: the page is served from this machine (the
 * lead server's own kiosk), or the kiosk was paired with a code and keeps its token. A phone on
 * the showroom's address is not. Small on purpose: the twin screen and the start-up code ask it
 * without loading the lead outbox.
 */
import { isLoopbackHost } from '../leads/loopback.ts';

/** Where a kiosk paired with a code keeps its token (also how the twin screen knows it is a kiosk). */
export const PAIRED_TOKEN_KEY = 'showroom-twin.kiosk-token';

export function isKioskDevice(host: string = location.host, storage?: Storage): boolean {
  if (isLoopbackHost(host)) return true;
  try {
    return (storage ?? globalThis.localStorage)?.getItem(PAIRED_TOKEN_KEY) != null;
  } catch {
    return false; // storage blocked (some in-app browsers)
  }
}
