import { describe, expect, it } from 'vitest';
import { shareToken } from '../../../src/ui/needs/use-share-link.ts';

describe('share link hash', () => {
  it('reads the token of #/plan?a=<token>', () => {
    expect(shareToken('#/plan?a=eyJkYWlseUttIjo2MH0')).toBe('eyJkYWlseUttIjo2MH0');
  });

  it("gives '' for a plan link without a token, so it shows the link error", () => {
    expect(shareToken('#/plan')).toBe('');
    expect(shareToken('#/plan?x=1')).toBe('');
  });

  it('ignores other hashes', () => {
    expect(shareToken('#/needs')).toBeNull();
    expect(shareToken('#/planner?a=x')).toBeNull();
    expect(shareToken('')).toBeNull();
  });
});
