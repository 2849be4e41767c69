/**
 * Starts the lead server: storage and migrations, first-start bootstrap, the kiosk and API on one
 * port (PORT, HOST; default 127.0.0.1:8080), the CRM worker and the retention purge.
 */
import { resolve } from 'node:path';
import { buildApp } from './app.ts';
import { purgeExpiredTokens } from './auth-repo.ts';
import { bootstrap } from './bootstrap.ts';
import { loadConfig, noticeSettings } from './config.ts';
import { createCrmWorker } from './crm-worker.ts';
import { purgeExpired } from './lead-repo.ts';
import { openStorage } from './storage.ts';

const PURGE_INTERVAL_MS = 3600_000;

async function main(): Promise<void> {
  const config = loadConfig();
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
  });
  // Created after the app so that it logs through the app's logger (no personal data: see CrmLogger).
  const worker = crmEnabled
    ? createCrmWorker({ db, keys, url: config.CRM_WEBHOOK_URL!, secret: config.CRM_WEBHOOK_SECRET!, maxAttempts: config.CRM_MAX_ATTEMPTS, crmOutsideMainland: config.CRM_OUTSIDE_MAINLAND === '1', logger: app.log })
    : undefined;
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
  const storage = config.DATABASE_URL ? 'PostgreSQL' : `SQLite in ${resolve(config.DATA_DIR)}`;
  // One write, so whoever reads stderr (tests, supervisors) gets the whole banner at once.
  process.stderr.write(
    `\nShowroom Twin lead server on ${address} (${storage})\n  kiosk: open ${address}/ on this machine; it fetches its token from /api/kiosk-config (store "${localKiosk.storeId}")\n` +
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
}

main().catch((error: Error) => {
  process.stderr.write(`lead server failed to start: ${error.message}\n`);
  process.exit(1);
});
