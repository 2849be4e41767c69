import type { SimFailure } from './sim-protocol.ts';

/**
 * Turns anything thrown while loading or simulating into a failure the UI can show. Spec errors
 * are recognised by shape (they cross the worker boundary as plain objects, losing their class).
 */
export function toFailure(error: unknown): SimFailure {
  if (typeof error === 'object' && error !== null) {
    const e = error as Record<string, unknown>;
    if (typeof e.source === 'string' && typeof e.field === 'string' && typeof e.detail === 'string') {
      return { kind: 'spec', source: e.source, field: e.field, detail: e.detail };
    }
    if (typeof e.message === 'string') return { kind: 'sim', message: e.message };
  }
  return { kind: 'sim', message: String(error) };
}
