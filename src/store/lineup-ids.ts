/** The line-up's vehicle ids as models/index.json lists them; pure, so the lead server checks a store file's cars with it too. */

export const INDEX_SOURCE = 'models/index.json';

/** Accepts `["id", ...]`, `{ "vehicles": ["id", ...] }` or `{ "vehicles": [{ "id" }, ...] }`. */
export function vehicleIdsOf(index: unknown): string[] {
  const list = Array.isArray(index)
    ? index
    : typeof index === 'object' && index !== null && Array.isArray((index as { vehicles?: unknown }).vehicles)
      ? (index as { vehicles: unknown[] }).vehicles
      : null;
  if (!list) throw { source: INDEX_SOURCE, field: '', detail: 'expected a list of vehicle ids' };
  return list.map((item, i) => {
    const id = typeof item === 'string' ? item : (item as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id)) {
      throw { source: INDEX_SOURCE, field: String(i), detail: 'expected a vehicle id (lower-case letters, digits, dashes)' };
    }
    return id;
  });
}
