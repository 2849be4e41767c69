/** Reading spec files from disk for the command line and tests: file errors become SpecErrors. */
import { readFileSync } from 'node:fs';
import { parseJson, SpecError } from '../sim/spec-error.ts';

export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SpecError(path, '', code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? (e as Error).message})`);
  }
  return parseJson(text, path);
}
