/** Edge validation: parse with a zod schema or answer 400 naming the first bad field. */
import type { z } from 'zod';
import { issuePath } from '../leads/lead-schema.ts';
import { HttpError } from './errors.ts';

/** Parses `value` with `schema`; throws HttpError 400 with the first bad field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'params' = 'body'): z.output<S> {
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const field = issuePath(result.error);
  const message = result.error.issues[0]?.message ?? 'invalid';
  throw new HttpError(400, 'invalid', `${where} field ${field}: ${message}`, field);
}
