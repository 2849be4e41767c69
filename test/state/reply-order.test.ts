import { describe, expect, it } from 'vitest';
import { acceptReply } from '../../src/state/reply-order.ts';

describe('acceptReply', () => {
  it('drops a reply no newer than the one shown', () => {
    expect(acceptReply({ requestedSeq: 5, shownSeq: 3 }, 3)).toBeNull();
    expect(acceptReply({ requestedSeq: 5, shownSeq: 3 }, 2)).toBeNull();
  });

  it('shows a newer reply, stale while a still newer request is out', () => {
    expect(acceptReply({ requestedSeq: 5, shownSeq: 3 }, 4)).toEqual({ shownSeq: 4, stale: true });
    expect(acceptReply({ requestedSeq: 5, shownSeq: 3 }, 5)).toEqual({ shownSeq: 5, stale: false });
  });
});
