/**
 * Part-naming convention for twin models (see docs/part-naming.md).
 * A glTF node's `name` is its part name; groups are the first path segment.
 * Pure: no three, so the viewer, the generator and tests share one source.
 */

/** `group/leaf` or a bare top-level part such as `charge_port`. */
export const PART_NAME_RE = /^[a-z][a-z0-9_]*(\/[a-z0-9_]+)*$/;

export const PART_GROUPS = ['body', 'glass', 'lights', 'wheel', 'battery', 'hv', 'motor', 'crash', 'thermal', 'charge_port'] as const;
export type PartGroup = (typeof PART_GROUPS)[number];

export const PACK = 'battery/pack';
export const PACK_LID = 'battery/pack_lid';
export const SKID_PLATE = 'battery/skid_plate';
export const CELLS_SUFFIX = '/cells';

/** `battery/module_01`, numbered from 1, two digits (three past 99). */
export function moduleName(index1: number): string {
  return `battery/module_${String(index1).padStart(2, '0')}`;
}

export const MODULE_RE = /^battery\/module_(\d{2,3})$/;

/** Group of a part name: `battery/module_03/cells` -> `battery`. */
export function partGroup(name: string): string {
  return name.split('/')[0] ?? name;
}

export type TwinViewId = 'exterior' | 'xray' | 'exploded' | 'section';

export interface ViewAvailability {
  view: TwinViewId;
  available: boolean;
  /** Part names (or patterns) the view needs that the model lacks. */
  missing: string[];
}

/**
 * Which viewer views a model supports, from its node names. Exterior always
 * works (any glTF shows); x-ray needs a body shell to fade plus the pack and
 * HV wiring to highlight; exploded needs the pack and numbered modules;
 * section needs a body shell.
 */
export function viewAvailability(names: Iterable<string>): ViewAvailability[] {
  const set = new Set(names);
  const has = (p: string) => set.has(p);
  const any = (re: RegExp) => [...set].some((n) => re.test(n));
  const body = any(/^body\//);
  const hv = any(/^hv\//);
  const modules = any(MODULE_RE);
  const need = (pairs: [boolean, string][]) => pairs.filter(([ok]) => !ok).map(([, n]) => n);
  const xray = need([[body, 'body/*'], [has(PACK), PACK], [hv, 'hv/*']]);
  const exploded = need([[has(PACK), PACK], [modules, 'battery/module_NN']]);
  const section = need([[body, 'body/*']]);
  return [
    { view: 'exterior', available: true, missing: [] },
    { view: 'xray', available: xray.length === 0, missing: xray },
    { view: 'exploded', available: exploded.length === 0, missing: exploded },
    { view: 'section', available: section.length === 0, missing: section },
  ];
}
