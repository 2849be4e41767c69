/**
 * The store settings this kiosk runs on (src/store/store-settings.ts): fetched from the lead
 * server at start and at every session reset (GET /api/store-settings with this kiosk's token, or
 * a phone's share-link token, so each gets its own store's), parsed with the shared schema, and
 * kept in localStorage (no personal data; the idle reset leaves it) so a kiosk that starts without
 * its server runs on the last good copy. Without either: the defaults, which are what the kiosk did
 * before store settings existed.
 */
import { create } from 'zustand';
import { createLeadApi } from '../leads/api-client.ts';
import type { SettingsProblem, StoreSettingsResponse } from '../store/settings-issues.ts';
import { defaultStoreSettings, StoreSettingsSchema, type StoreSettings } from '../store/store-settings.ts';
import { useLocaleStore } from './locale-store.ts';
import { onSessionReset } from './session-reset.ts';

export const STORE_SETTINGS_CACHE_KEY = 'showroom-twin.store-settings';

/** Where the running settings came from: the server now, the copy it gave last time, or neither. */
export type SettingsSource = 'server' | 'cache' | 'defaults';

interface SettingsState {
  settings: StoreSettings;
  source: SettingsSource;
  /** The server's report on the store file (rep mode shows it); null when the file is fine or unknown. */
  problem: SettingsProblem | null;
  /** Fetches the settings; on any failure keeps what runs. `token`: the token to ask with (tests). */
  load: (options?: { fetch?: typeof fetch; token?: () => Promise<string | null> }) => Promise<void>;
  /** Runs a server answer (a load, or a manager's save on this kiosk) and keeps it for offline starts. */
  apply: (response: Pick<StoreSettingsResponse, 'settings' | 'problem'>) => void;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The last good copy, if it still passes the schema (an older build's copy may not). */
export function cachedSettings(): StoreSettings | null {
  try {
    const parsed = StoreSettingsSchema.safeParse(JSON.parse(storage()?.getItem(STORE_SETTINGS_CACHE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The token this device would send a lead with: the kiosk's, or a phone's share link's. */
async function deviceToken(): Promise<string | null> {
  // Its own chunk (the outbox), as in main.tsx: the first paint does not wait for it.
  const { kioskTokens, leadChannel } = await import('./lead-outbox.ts');
  const via = leadChannel(Date.now(), false);
  if (via.kind === 'link') return via.token;
  if (via.kind === 'closed') return null;
  return kioskTokens().get();
}

/** Follows the store's languages: a locale no longer offered, or the old default, becomes the new default. */
function followLanguages(prev: StoreSettings, next: StoreSettings): void {
  const { locale, setLocale } = useLocaleStore.getState();
  if (!next.languages.offered.includes(locale) || locale === prev.languages.default) {
    if (locale !== next.languages.default) setLocale(next.languages.default);
  }
}

const cached = cachedSettings();

export const useStoreSettings = create<SettingsState>()((set, get) => ({
  settings: cached ?? defaultStoreSettings('local'),
  source: cached ? 'cache' : 'defaults',
  problem: null,

  async load(options = {}) {
    try {
      const token = await (options.token ?? deviceToken)().catch(() => null);
      const api = createLeadApi({ token: () => token, ...(options.fetch ? { fetch: options.fetch } : {}) });
      get().apply(await api.storeSettings());
    } catch {
      // Offline, or an answer this build cannot read: keep running on what runs.
    }
  },

  apply({ settings, problem }) {
    const prev = get().settings;
    set({ settings, problem, source: 'server' });
    try {
      storage()?.setItem(STORE_SETTINGS_CACHE_KEY, JSON.stringify(settings));
    } catch {
      // storage full or disabled: the next offline start uses the defaults
    }
    followLanguages(prev, settings);
  },
}));

// A customer starts in the store's language (the kiosk starts in zh-CN until the settings say otherwise).
if (useLocaleStore.getState().locale !== useStoreSettings.getState().settings.languages.default) {
  useLocaleStore.getState().setLocale(useStoreSettings.getState().settings.languages.default);
}

// The next customer starts in the store's language, with settings a manager changed meanwhile.
onSessionReset(() => {
  useLocaleStore.getState().setLocale(useStoreSettings.getState().settings.languages.default);
  void useStoreSettings.getState().load();
});
