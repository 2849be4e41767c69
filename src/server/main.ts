/**
 * Starts the lead server: storage and migrations, first-start bootstrap, the kiosk and API on one
 * port (PORT, HOST; default 127.0.0.1:8080), with TLS_CERT_FILE and TLS_KEY_FILE the same app on
 * HTTPS for phones and headsets too (HTTPS_PORT, HTTPS_HOST; default 0.0.0.0:8443; SIGHUP re-reads
 * the certificate), the CRM worker and the retention purge.
 */
import { resolve } from 'node:path';
import { buildApp } from './app.ts';
import { purgeExpiredTokens } from './auth-repo.ts';
import { bootstrap } from './bootstrap.ts';
import { loadConfig, noticeSettings, storeConfigFile } from './config.ts';
import { createCrmWorker } from './crm-worker.ts';
import { addHttpsListener, describeCertificate, httpsBannerLines, readTlsCredentials } from './https-listener.ts';
import { purgeExpired } from './lead-repo.ts';
import { openStorage } from './storage.ts';
import type { StoreSettingsResponse } from '../store/settings-issues.ts';

const PURGE_INTERVAL_MS = 3600_000;

async function main(): Promise<void> {
  const config = loadConfig();
  // Before storage: a bad certificate must not cost the first start's manager token.
  const tlsFiles = config.TLS_CERT_FILE && config.TLS_KEY_FILE ? { certFile: config.TLS_CERT_FILE, keyFile: config.TLS_KEY_FILE } : undefined;
  const tls = tlsFiles && readTlsCredentials(tlsFiles);
  const { db, keys, notices } = await openStorage(config, Date.now());
  for (const line of notices) process.stderr.write(`${line}\n`);
  const { localKiosk, managerTokenFile } = await bootstrap(db, config.DATA_DIR, config.LOCAL_STORE_ID, Date.now());
  const crmEnabled = Boolean(config.CRM_WEBHOOK_URL && config.CRM_WEBHOOK_SECRET);
  const app = await buildApp({
    db,
    keys,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    retentionDays: config.RETENTION_DAYS,
    shareTokensPerHour: config.SHARE_TOKENS_PER_HOUR,
    crmEnabled,
    onLeadStored: () => worker?.notify(),
    staticDir: resolve(config.STATIC_DIR),
    localKiosk,
    trustProxy: config.TRUST_PROXY,
    notice: noticeSettings(config),
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    publicOrigin: config.PUBLIC_ORIGIN,
    storeSettings: { file: resolve(storeConfigFile(config)) },
    kioskQuietAfterS: config.KIOSK_QUIET_AFTER_S,
  });
  const localSettings = await app.storeSettings.get(localKiosk.storeId);
  // Created after the app so that it logs through the app's logger (no personal data: see CrmLogger).
  const worker = crmEnabled
    ? createCrmWorker({ db, keys, url: config.CRM_WEBHOOK_URL!, secret: config.CRM_WEBHOOK_SECRET!, maxAttempts: config.CRM_MAX_ATTEMPTS, crmOutsideMainland: config.CRM_OUTSIDE_MAINLAND === '1', logger: app.log })
    : undefined;
  const https = tlsFiles && addHttpsListener(app, tlsFiles, tls);
  const retentionMs = config.RETENTION_DAYS * 24 * 3600_000;
  const purge = () =>
    db
      .transaction(async (tx) => {
        await purgeExpired(tx, retentionMs, Date.now(), config.CONSENT_PROOF_DAYS * 24 * 3600_000, crmEnabled);
        await purgeExpiredTokens(tx, Date.now());
      })
      .catch((e: Error) => app.log.error({ name: e.name }, 'retention purge failed'));
  await purge();
  const purgeTimer = setInterval(purge, PURGE_INTERVAL_MS);
  purgeTimer.unref();
  worker?.start();

  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const httpsAddress = await https?.listen(config.HTTPS_PORT, config.HTTPS_HOST);
  const storage = config.DATABASE_URL ? 'PostgreSQL' : `SQLite in ${resolve(config.DATA_DIR)}`;
  // One write, so whoever reads stderr (tests, supervisors) gets the whole banner at once.
  process.stderr.write(
    `\nShowroom Twin lead server on ${address} (${storage})\n  kiosk: open ${address}/ on this machine; it fetches its token from /api/kiosk-config (store "${localKiosk.storeId}")\n` +
      httpsBannerLines({ listening: httpsAddress, credentials: tls, publicOrigin: config.PUBLIC_ORIGIN, nowMs: Date.now() }) +
      storeSettingsBannerLine(app.storeSettings.pathFor(localKiosk.storeId), localSettings) +
      // Only the path: stderr is the log stream, and the token reads every contact.
      (managerTokenFile
        ? `  FIRST START: a manager token was written to this file, readable only by this user:\n\n    ${managerTokenFile}\n\n` +
          `  Read it, keep it in a password manager, then delete the file. Use it as "Authorization: Bearer <token>",\n` +
          `  e.g. curl -H "Authorization: Bearer $TOKEN" ${address}/api/leads\n  more tokens: npm run -s admin -- token create --role rep --store ${localKiosk.storeId}\n\n`
        : ''),
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(purgeTimer);
    await app.close();
    await worker?.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // A renewed certificate without a restart (`systemctl reload`, an ACME client's reload hook).
  // Only with TLS: otherwise SIGHUP (a closed terminal) still ends the server as before.
  if (https) {
    process.on('SIGHUP', () => {
      try {
        process.stderr.write(`TLS certificate reloaded: ${describeCertificate(https.reload(), Date.now())}\n`);
      } catch (error) {
        process.stderr.write(`TLS certificate not reloaded, still serving the previous one: ${(error as Error).message}\n`);
      }
    });
  }
}

/** Where the local store's settings come from, or what is wrong with its file (the server runs on regardless). */
function storeSettingsBannerLine(file: string | null, s: StoreSettingsResponse): string {
  if (s.problem) return `  store settings: NOT APPLIED, ${s.source === 'defaults' ? 'running on the defaults' : 'keeping the last good settings'}: ${s.problem.message}\n`;
  return s.source === 'file' ? `  store settings: ${file}\n` : `  store settings: the defaults (no file at ${file}; managers can save one in rep mode)\n`;
}

main().catch((error: Error) => {
  process.stderr.write(`lead server failed to start: ${error.message}\n`);
  process.exit(1);
});
