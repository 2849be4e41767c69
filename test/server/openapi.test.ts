import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixture, type Fixture } from './helpers.ts';

describe('OpenAPI document', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture('sqlite');
  });
  afterAll(() => f.close());

  it('describes exactly the API routes the app serves', async () => {
    const doc = (await f.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`));
    expect([...documented].sort()).toEqual([...f.app.apiRoutes].sort());
    expect(doc.paths['/api/leads'].post.requestBody.content['application/json'].schema.required).toEqual(['id', 'contact', 'consent']);
  });
});
