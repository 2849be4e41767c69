/**
 * What a session reset does to storage: nothing of the customer who walked away stays readable by
 * the next one. In-memory state is reset by `resetKioskSession` (every store registers there);
 * this clears what the browser keeps (IdleReset runs both):
 * - localStorage: every key but the kiosk's own (its pairing, its cached share token, the store's
 *   consent notice and settings, and the anonymous funnel queue, which holds step names and times,
 *   no answers and no contact);
 * - sessionStorage: all of it (a rep left signed in on the kiosk is signed out);
 * - IndexedDB: every database but the lead outbox, which is never touched;
 * - the address: the hash route and its parameters (a share link carries the answers) go; the
 *   kiosk's start parameters (`?idle=`, `?share=`) stay.
 */
import { OUTBOX_DB_NAME } from '../leads/outbox.ts';
import { NOTICE_CACHE_KEY } from './consent-notice.ts';
import { FUNNEL_QUEUE_KEY } from './funnel.ts';
import { PAIRED_TOKEN_KEY } from './kiosk-device.ts';
import { SHARE_TOKEN_KEY } from './lead-outbox.ts';
import { STORE_SETTINGS_CACHE_KEY } from './settings-store.ts';

/** The kiosk's keys, kept across customers. */
export const KIOSK_KEYS: readonly string[] = [PAIRED_TOKEN_KEY, SHARE_TOKEN_KEY, NOTICE_CACHE_KEY, STORE_SETTINGS_CACHE_KEY, FUNNEL_QUEUE_KEY];
/** The databases kept across customers. */
export const KIOSK_DATABASES: readonly string[] = [OUTBOX_DB_NAME];

export interface WipeTargets {
  local?: Storage | undefined;
  session?: Storage | undefined;
  idb?: IDBFactory | undefined;
  location?: Pick<Location, 'pathname' | 'search' | 'hash'> | undefined;
  history?: Pick<History, 'replaceState'> | undefined;
}

function clearExcept(storage: Storage, keep: readonly string[]): void {
  const doomed: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null && !keep.includes(key)) doomed.push(key);
  }
  for (const key of doomed) storage.removeItem(key);
}

/** Clears the browser's storage of the session (see the file comment). Resolves when IndexedDB is done. */
export async function wipeSessionStorage(t: WipeTargets): Promise<void> {
  const { local, session, idb, location: at, history } = t;
  if (local) clearExcept(local, KIOSK_KEYS);
  session?.clear();
  if (at && history && at.hash !== '' && at.hash !== '#/') history.replaceState(null, '', `${at.pathname}${at.search}#/`);
  if (idb?.databases) {
    const names = (await idb.databases()).map((d) => d.name).filter((n): n is string => !!n && !KIOSK_DATABASES.includes(n));
    await Promise.all(
      names.map(
        (name) =>
          new Promise<void>((done) => {
            const req = idb.deleteDatabase(name);
            req.onsuccess = req.onerror = req.onblocked = () => done();
          }),
      ),
    );
  }
}
