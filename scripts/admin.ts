/**
 * Lead server administration. Uses the same environment as the server (DATA_DIR, DATABASE_URL, ...).
 *
 *   npm run -s admin -- store create --id sh-pudong-01 [--name "浦东店"]
 *   npm run -s admin -- token create --role kiosk|rep|manager [--store ID] [--label TEXT]   (token alone on stdout)
 *   npm run -s admin -- token revoke --id TOKEN_ID
 *   npm run -s admin -- token list
 *   npm run -s admin -- pairing issue --store ID                                             (code alone on stdout)
 *   npm run -s admin -- outbox status
 *   npm run -s admin -- outbox replay [--id N]...                                            (dead deliveries by default)
 *   npm run -s admin -- purge                                                                (retention purge now)
 *
 * `-s` keeps npm's own banner off stdout, so `TOKEN=$(npm run -s admin -- token create ...)` works.
 */
import { parseArgs } from 'node:util';
import { createToken, ensureStore, issuePairingCode, listTokens, revokeToken, type Role } from '../src/server/auth-repo.ts';
import { loadConfig } from '../src/server/config.ts';
import { replayOutbox } from '../src/server/crm-worker.ts';
import { purgeExpired } from '../src/server/lead-repo.ts';
import { openStorage } from '../src/server/storage.ts';

/** Share tokens are minted by kiosks only (expiring, counted per kiosk): not here. */
const CLI_ROLES: readonly Role[] = ['kiosk', 'rep', 'manager'];
const USAGE = 'usage: admin store create --id ID [--name N] | token create --role kiosk|rep|manager [--store ID] [--label L] | token revoke --id ID | token list | pairing issue --store ID | outbox status | outbox replay [--id N]... | purge';

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { id: { type: 'string', multiple: true }, name: { type: 'string' }, role: { type: 'string' }, store: { type: 'string' }, label: { type: 'string' } },
  });
  const [noun, verb] = positionals;
  const config = loadConfig();
  const { db, notices } = await openStorage(config, Date.now());
  const now = Date.now();
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const info = (line: string) => process.stderr.write(`${line}\n`);
  for (const line of notices) info(line);
  try {
    switch (`${noun} ${verb}`) {
      case 'store create': {
        const id = values.id?.[0];
        if (!id || !/^[a-z0-9][a-z0-9_-]{0,63}$/.test(id)) throw new Error('--id: lowercase letters, digits, _ and -');
        await db.transaction((tx) => ensureStore(tx, id, values.name ?? id, now));
        info(`store ${id} ready`);
        break;
      }
      case 'token create': {
        const role = values.role as Role;
        if (!CLI_ROLES.includes(role)) throw new Error('--role kiosk|rep|manager');
        const { id, token } = await db.transaction((tx) => createToken(tx, role, values.store ?? null, values.label ?? `cli ${role}`, now));
        info(`created ${role} token ${id}${values.store ? ` for store ${values.store}` : ''} (shown once)`);
        out(token);
        break;
      }
      case 'token revoke': {
        const id = values.id?.[0];
        if (!id) throw new Error('--id TOKEN_ID (see token list)');
        if (!(await db.transaction((tx) => revokeToken(tx, id, now)))) throw new Error(`no active token ${id}`);
        info(`revoked ${id}; servers stop accepting it within 5 s`);
        break;
      }
      case 'token list':
        for (const t of await db.transaction((tx) => listTokens(tx))) {
          out(`${t.id}\t${t.role}\t${t.store_id ?? '*'}\t${t.revoked_at ? 'revoked' : 'active'}\t${new Date(Number(t.created_at)).toISOString()}\t${t.label}`);
        }
        break;
      case 'pairing issue': {
        if (!values.store) throw new Error('--store ID');
        const { code, expiresAt } = await db.transaction((tx) => issuePairingCode(tx, values.store!, now));
        info(`pairing code for store ${values.store}, valid until ${new Date(expiresAt).toISOString()}, single use:`);
        out(code);
        break;
      }
      case 'outbox status':
        for (const r of await db.transaction((tx) => tx.all<{ state: string; n: number }>('SELECT state, COUNT(*) AS n FROM crm_outbox GROUP BY state ORDER BY state'))) out(`${r.state}\t${r.n}`);
        break;
      case 'outbox replay': {
        const ids = (values.id ?? []).map(Number).filter(Number.isInteger);
        info(`${await replayOutbox(db, now, ids)} deliveries queued again`);
        break;
      }
      case 'purge undefined': {
        // With CRM forwarding configured, purged leads the CRM got are queued as lead.erased for the server's worker.
        const crm = Boolean(config.CRM_WEBHOOK_URL && config.CRM_WEBHOOK_SECRET);
        const n = await db.transaction((tx) => purgeExpired(tx, config.RETENTION_DAYS * 24 * 3600_000, now, config.CONSENT_PROOF_DAYS * 24 * 3600_000, crm));
        info(`purged ${n} leads older than ${config.RETENTION_DAYS} days`);
        break;
      }
      default:
        throw new Error(USAGE);
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`admin: ${error.message}\n`);
  process.exit(1);
});
