import { describe, expect, it } from 'vitest';
import { PART_NAME_RE, moduleName, partGroup, viewAvailability } from '../../src/twin/part-names';

describe('part naming', () => {
  it('numbers modules from 01', () => {
    expect(moduleName(1)).toBe('battery/module_01');
    expect(moduleName(12)).toBe('battery/module_12');
    expect(partGroup('battery/module_03/cells')).toBe('battery');
  });

  it('accepts convention names and rejects others', () => {
    for (const n of ['body/shell', 'battery/module_01/cells', 'hv/pack_to_rear_edu', 'charge_port']) expect(PART_NAME_RE.test(n)).toBe(true);
    for (const n of ['Body/Shell', 'body shell', '/body', 'body//x']) expect(PART_NAME_RE.test(n)).toBe(false);
  });

  it('enables every view for a model that follows the convention', () => {
    const a = viewAvailability(['body/shell', 'battery/pack', 'battery/module_01', 'hv/pack_to_rear_edu']);
    expect(a.every((v) => v.available)).toBe(true);
  });

  it("still shows a maker's model without named parts, with the dependent views off and what they miss", () => {
    const a = Object.fromEntries(viewAvailability(['Car', 'Wheel.001']).map((v) => [v.view, v]));
    expect(a.exterior!.available).toBe(true);
    expect(a.xray!.available).toBe(false);
    expect(a.xray!.missing).toEqual(['body/*', 'battery/pack', 'hv/*']);
    expect(a.exploded!.missing).toEqual(['battery/pack', 'battery/module_NN']);
    expect(a.section!.available).toBe(false);
  });
});
