import { describe, expect, it } from 'vitest';
import { loadConfig, storeConfigFile } from '../../src/server/config.ts';

describe('loadConfig', () => {
  it('takes TRUST_PROXY as a list of proxy addresses and CIDR ranges, IPv4 and IPv6', () => {
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1,10.0.0.0/8' }).TRUST_PROXY).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(loadConfig({ TRUST_PROXY: ' ::1 , fd00::/8,192.168.1.2/32 ' }).TRUST_PROXY).toEqual(['::1', 'fd00::/8', '192.168.1.2/32']);
    expect(loadConfig({}).TRUST_PROXY).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '' }).TRUST_PROXY).toEqual([]);
  });

  it('refuses "trust everything" and hop counts, naming the variable and the entry', () => {
    for (const value of ['1', 'true', '*', '2', 'all', '0.0.0.0/0', '::/0']) {
      expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow(new RegExp(`TRUST_PROXY.*"${value.replace(/[*.]/g, '\\$&')}".*127\\.0\\.0\\.1`));
    }
  });

  it('refuses malformed entries, naming the bad one', () => {
    for (const [value, bad] of [
      ['127.0.0.1,10.0.0.0/33', '10.0.0.0/33'],
      ['proxy.example', 'proxy.example'],
      ['10.0.0.1,', ''],
      ['fe80::1%eth0', 'fe80::1%eth0'],
      ['10.0.0.0/8/8', '10.0.0.0/8/8'],
      ['::1/129', '::1/129'],
      ['10.0.0.0/255.0.0.0', '10.0.0.0/255.0.0.0'],
    ] as const) {
      expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow(new RegExp(`environment variable TRUST_PROXY: .*"${bad.replace(/[.*/%]/g, '\\$&')}"`));
    }
  });
});

describe('STORE_CONFIG_FILE', () => {
  it('defaults to store-settings.json in DATA_DIR, and takes one file or a {store} file name', () => {
    expect(storeConfigFile(loadConfig({ DATA_DIR: '/srv/showroom/data' }))).toBe('/srv/showroom/data/store-settings.json');
    expect(storeConfigFile(loadConfig({ STORE_CONFIG_FILE: '/etc/showroom/store.json' }))).toBe('/etc/showroom/store.json');
    expect(storeConfigFile(loadConfig({ STORE_CONFIG_FILE: '/etc/showroom/stores/{store}.json' }))).toBe('/etc/showroom/stores/{store}.json');
    expect(storeConfigFile(loadConfig({ STORE_CONFIG_FILE: '', DATA_DIR: 'd' }))).toBe('d/store-settings.json');
  });

  it('refuses {store} in a directory or twice, naming the variable', () => {
    expect(() => loadConfig({ STORE_CONFIG_FILE: '/etc/showroom/{store}/settings.json' })).toThrow(/STORE_CONFIG_FILE: \{store\} may only appear in the file name/);
    expect(() => loadConfig({ STORE_CONFIG_FILE: '/etc/{store}-{store}.json' })).toThrow(/STORE_CONFIG_FILE: \{store\} may appear once/);
  });
});

describe('KIOSK_QUIET_AFTER_S', () => {
  it('defaults to three missed heartbeats and refuses a threshold one lost beat would cross', () => {
    expect(loadConfig({}).KIOSK_QUIET_AFTER_S).toBe(180);
    expect(loadConfig({ KIOSK_QUIET_AFTER_S: '300' }).KIOSK_QUIET_AFTER_S).toBe(300);
    for (const value of ['60', '89', '1.5', 'soon', '86401']) expect(() => loadConfig({ KIOSK_QUIET_AFTER_S: value }), value).toThrow(/environment variable KIOSK_QUIET_AFTER_S/);
  });
});
