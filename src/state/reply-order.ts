/**
 * Latest-request-wins bookkeeping for the stores fed by a worker: requests are numbered, and a reply
 * is shown only if it is newer than the one on screen; while a newer request is still out, what is
 * shown is stale.
 */
export interface Sequenced {
  requestedSeq: number;
  shownSeq: number;
}

/** The fields to set when a reply numbered `replySeq` arrives, or null when it is out of date. */
export function acceptReply(current: Sequenced, replySeq: number): { shownSeq: number; stale: boolean } | null {
  if (replySeq <= current.shownSeq) return null;
  return { shownSeq: replySeq, stale: replySeq < current.requestedSeq };
}
