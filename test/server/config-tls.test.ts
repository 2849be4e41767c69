/** The HTTPS and share-link part of the server's environment (src/server/config.ts). */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';

describe('HTTPS and PUBLIC_ORIGIN configuration', () => {
  it('has no HTTPS listener and no public origin by default; 8443 on every IPv4 address once TLS is set', () => {
    const plain = loadConfig({});
    expect(plain.TLS_CERT_FILE).toBeUndefined();
    expect(plain.TLS_KEY_FILE).toBeUndefined();
    expect(plain.PUBLIC_ORIGIN).toBeUndefined();
    const tls = loadConfig({ TLS_CERT_FILE: '/etc/showroom/cert.pem', TLS_KEY_FILE: '/etc/showroom/key.pem' });
    expect(tls).toMatchObject({ TLS_CERT_FILE: '/etc/showroom/cert.pem', TLS_KEY_FILE: '/etc/showroom/key.pem', HTTPS_PORT: 8443, HTTPS_HOST: '0.0.0.0' });
    // The plain-HTTP listener for the kiosk on this machine is unchanged.
    expect(tls).toMatchObject({ PORT: 8080, HOST: '127.0.0.1' });
    expect(loadConfig({ TLS_CERT_FILE: 'c.pem', TLS_KEY_FILE: 'k.pem', HTTPS_PORT: '9443', HTTPS_HOST: '192.168.1.20' })).toMatchObject({ HTTPS_PORT: 9443, HTTPS_HOST: '192.168.1.20' });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ TLS_CERT_FILE: '', TLS_KEY_FILE: '', PUBLIC_ORIGIN: '' })).toMatchObject({ TLS_CERT_FILE: undefined, TLS_KEY_FILE: undefined, PUBLIC_ORIGIN: undefined });
  });

  it('wants both TLS files or neither, naming the missing one', () => {
    expect(() => loadConfig({ TLS_CERT_FILE: 'c.pem' })).toThrow(/TLS_CERT_FILE is set but TLS_KEY_FILE is not/);
    expect(() => loadConfig({ TLS_KEY_FILE: 'k.pem' })).toThrow(/TLS_KEY_FILE is set but TLS_CERT_FILE is not/);
  });

  it('refuses a bad HTTPS_PORT', () => {
    for (const bad of ['65536', '-1', 'https', '84.43']) {
      expect(() => loadConfig({ TLS_CERT_FILE: 'c.pem', TLS_KEY_FILE: 'k.pem', HTTPS_PORT: bad })).toThrow(/^environment variable HTTPS_PORT: /);
    }
  });

  it('takes PUBLIC_ORIGIN as an http(s) origin, normalised, and refuses anything else by name', () => {
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://showroom.example.cn' }).PUBLIC_ORIGIN).toBe('https://showroom.example.cn');
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://Showroom.Example.CN:443/' }).PUBLIC_ORIGIN).toBe('https://showroom.example.cn');
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://showroom.example.cn:8443' }).PUBLIC_ORIGIN).toBe('https://showroom.example.cn:8443');
    expect(loadConfig({ PUBLIC_ORIGIN: 'http://192.168.1.20:8080' }).PUBLIC_ORIGIN).toBe('http://192.168.1.20:8080');
    for (const bad of ['showroom.example.cn', 'ftp://showroom.example.cn', 'https://showroom.example.cn/plan', 'https://showroom.example.cn/?s=1', 'https://showroom.example.cn/#x', 'https://user:pw@showroom.example.cn', 'https://']) {
      expect(() => loadConfig({ PUBLIC_ORIGIN: bad }), bad).toThrow(/^environment variable PUBLIC_ORIGIN: .*https:\/\/showroom\.example\.cn/);
    }
  });
});
