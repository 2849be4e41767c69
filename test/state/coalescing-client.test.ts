import { describe, expect, it, vi } from 'vitest';
import { createCoalescingClient, type WorkerPort } from '../../src/state/coalescing-client.ts';

type Reply = { seq: number; value: string };

function fakeWorker() {
  const posted: { seq: number; request: string }[] = [];
  const port: WorkerPort<{ seq: number; request: string }, Reply> = {
    postMessage: (m) => posted.push(m),
    onmessage: null,
    onerror: null,
    terminate: vi.fn(),
  };
  const answer = (seq: number) => port.onmessage!({ data: { seq, value: `r${seq}` } });
  return { port, posted, answer };
}

describe('createCoalescingClient', () => {
  it('sends the first request at once', () => {
    const w = fakeWorker();
    const client = createCoalescingClient<string, Reply>(w.port, vi.fn(), vi.fn());
    expect(client.submit('a')).toBe(1);
    expect(w.posted).toEqual([{ seq: 1, request: 'a' }]);
  });

  it('computes only the newest of the requests submitted while busy', () => {
    const w = fakeWorker();
    const onReply = vi.fn();
    const client = createCoalescingClient<string, Reply>(w.port, onReply, vi.fn());
    client.submit('t=-20');
    for (const t of ['-19', '-18', '-17', '-16']) client.submit(`t=${t}`);
    expect(w.posted).toHaveLength(1);
    w.answer(1);
    expect(w.posted.map((p) => p.request)).toEqual(['t=-20', 't=-16']);
    expect(onReply).toHaveBeenLastCalledWith({ reply: { seq: 1, value: 'r1' }, latest: false });
    w.answer(5);
    expect(onReply).toHaveBeenLastCalledWith({ reply: { seq: 5, value: 'r5' }, latest: true });
    expect(w.posted).toHaveLength(2);
  });

  it('reports a worker crash against the newest request and keeps going', () => {
    const w = fakeWorker();
    const onCrash = vi.fn();
    const client = createCoalescingClient<string, Reply>(w.port, vi.fn(), onCrash);
    client.submit('a');
    client.submit('b');
    w.port.onerror!({ message: 'boom' });
    expect(onCrash).toHaveBeenCalledWith(2, 'boom');
    expect(w.posted.map((p) => p.request)).toEqual(['a', 'b']);
  });

  it('terminates the worker on dispose', () => {
    const w = fakeWorker();
    const client = createCoalescingClient<string, Reply>(w.port, vi.fn(), vi.fn());
    client.dispose();
    expect(w.port.terminate).toHaveBeenCalled();
    expect(w.port.onmessage).toBeNull();
  });
});
