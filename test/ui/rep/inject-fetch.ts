/**
 * A `fetch` that answers from a fastify app in process (app.inject): the rep views' tests run the
 * real lead server's routes, auth and storage without a socket.
 */
import type { FastifyInstance } from 'fastify';

export function injectFetch(app: FastifyInstance): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.pathname + input.search : input.url;
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const res = await app.inject({ method: (init?.method ?? 'GET') as 'GET', url, headers, ...(init?.body ? { payload: init.body as string } : {}) });
    const body = res.statusCode === 204 || res.rawPayload.length === 0 ? null : new Uint8Array(res.rawPayload);
    return new Response(body, { status: res.statusCode, headers: Object.entries(res.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as [string, string]])) });
  }) as typeof fetch;
}
