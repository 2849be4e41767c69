/**
 * The real server as a child process with a bad store file: it starts, its banner and log name
 * the file and the field, and the kiosk gets the defaults with the problem.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'main-store-settings-'));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

describe('lead server start with a bad store file', () => {
  it('starts anyway, says which file and field in its banner and log, and serves the defaults with the problem', async () => {
    const file = join(root, 'store.json');
    writeFileSync(file, JSON.stringify({ storeId: 'local', idle: { stillThereS: 10 } }));
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', STATIC_DIR: '/nonexistent', DATA_DIR: join(root, 'data'),
        LEAD_ENCRYPTION_KEY: '', LEAD_KEY_FILE: join(root, 'keys', 'lead.key'), DATABASE_URL: '', STORE_CONFIG_FILE: file,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        const m = /lead server on (http:\/\/[\d.:]+)/.exec(out);
        if (m) resolve(m[1]!);
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
    });
    expect(out).toContain(`store settings: NOT APPLIED, running on the defaults: ${file}: idle.stillThereS: at least 20 s (WCAG 2.2.1)`);
    const logLine = out.split('\n').find((l) => l.startsWith('{') && l.includes('store settings not applied'));
    expect(JSON.parse(logLine!)).toMatchObject({ level: 50, file, issues: [{ path: 'idle.stillThereS' }] });
    const res = (await (await fetch(`${url}/api/store-settings`)).json()) as { source: string; problem: { file: string } };
    expect(res).toMatchObject({ source: 'defaults', problem: { file } });
  }, 30_000);
});
