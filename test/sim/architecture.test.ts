/** The pure cores import no React, three, DOM, clock or randomness (STYLE.md). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FORBIDDEN = [
  /from ['"](react|react-dom|three|@react-three\/[^'"]+|zustand|node:[^'"]+|fs|path)['"]/,
  /\b(document|window|localStorage|navigator)\.[a-zA-Z]/,
  /\bDate\.now\(|new Date\(|Math\.random\(|performance\.now\(/,
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('pure cores', () => {
  for (const dir of ['src/sim', 'src/scenario', 'src/plan', 'src/store']) {
    it(`${dir} stays pure`, () => {
      const offenders = files(dir).flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .filter((line) => FORBIDDEN.some((re) => re.test(line)))
          .map((line) => `${f}: ${line.trim()}`),
      );
      expect(offenders).toEqual([]);
    });
  }
});
