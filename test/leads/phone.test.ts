import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../src/leads/phone.ts';

describe('parsePhone', () => {
  it.each([
    ['13812345678', '+8613812345678'],
    ['138 1234 5678', '+8613812345678'],
    ['+86 138-1234-5678', '+8613812345678'],
    ['+8619912345678', '+8619912345678'],
    ['0086 166 1234 5678', '+8616612345678'],
    ['86 17012345678', '+8617012345678'],
    ['19212345678', '+8619212345678'],
    ['14512345678', '+8614512345678'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['00852 9123 4567', '+85291234567'],
  ])('accepts %s as %s', (input, e164) => {
    expect(parsePhone(input)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['1440123456789', 'iot-number'],
    ['+86 1410123456789', 'iot-number'],
    ['1064812345678', 'iot-number'],
    ['12012345678', 'cn-range'],
    ['15412345678', 'cn-range'],
    ['19412345678', 'cn-range'],
    ['16012345678', 'cn-range'],
    ['+8610812345678', 'cn-range'],
    ['1381234567', 'cn-length'],
    ['+86 010 1234 5678', 'cn-range'],
    ['+86 138 1234 567', 'cn-length'],
    ['', 'empty'],
    ['138abc45678', 'characters'],
    ['+0123456789', 'e164'],
    ['+1234567890123456', 'e164'],
  ])('rejects %s (%s)', (input, reason) => {
    expect(parsePhone(input)).toEqual({ ok: false, reason });
  });
});

describe('parsePhone properties', () => {
  const prefixes = ['130', '139', '145', '149', '150', '153', '155', '159', '162', '165', '167', '170', '178', '180', '189', '190', '193', '195', '199'];
  const national = fc.tuple(fc.constantFrom(...prefixes), fc.stringMatching(/^\d{8}$/)).map(([p, rest]) => p + rest);
  const separator = fc.constantFrom('', ' ', '-', ' - ');
  const prefix = fc.constantFrom('', '+86', '+86 ', '0086 ', '86', '(+86) ');

  it('accepts any assigned mainland number however it is written, always as the same E.164', () => {
    fc.assert(
      fc.property(national, separator, prefix, (n, sep, pre) => {
        const typed = `${pre}${n.slice(0, 3)}${sep}${n.slice(3, 7)}${sep}${n.slice(7)}`;
        expect(parsePhone(typed)).toEqual({ ok: true, e164: `+86${n}` });
      }),
    );
  });

  it('never accepts a 13-digit number starting with 1 as a mainland mobile', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1\d{12}$/), (n) => {
        const r = parsePhone(n);
        expect(r.ok && r.e164.startsWith('+86')).toBe(false);
      }),
    );
  });

  it('never throws and only returns E.164 on any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const r = parsePhone(s);
        if (r.ok) expect(r.e164).toMatch(/^\+[1-9]\d{7,14}$/);
      }),
    );
  });
});
