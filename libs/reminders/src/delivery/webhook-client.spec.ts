import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postWebhook } from './webhook-client';
import { verifyWebhookSignature } from './webhook-signature';

interface Received {
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real receiver on 127.0.0.1: the path picks the behaviour. */
describe('postWebhook', () => {
  let server: Server;
  let base: string;
  const received: Received[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (req.url === '/ok') res.writeHead(204).end();
        else if (req.url === '/fail') res.writeHead(500, { 'Content-Type': 'text/plain' }).end('boom');
        else if (req.url === '/redirect') res.writeHead(302, { Location: '/ok' }).end();
        // '/hang': never answer
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('POSTs the JSON payload, signed so the receiver can verify it', async () => {
    const payload = { kind: 'due-reminder', taskId: 't1', title: 'Café ☕' };
    const result = await postWebhook(`${base}/ok`, payload, 'secret', { timeoutMs: 2_000, deliveryId: 'rem-t1-due-reminder-1-v1' });
    expect(result).toEqual({ ok: true, status: 204 });
    const last = received[received.length - 1];
    expect(last.method).toBe('POST');
    expect(last.headers['content-type']).toBe('application/json');
    expect(last.headers['x-taskforce-delivery']).toBe('rem-t1-due-reminder-1-v1');
    expect(JSON.parse(last.body)).toEqual(payload);
    expect(verifyWebhookSignature('secret', last.headers, last.body)).toBe(true);
    expect(verifyWebhookSignature('wrong', last.headers, last.body)).toBe(false);
  });

  it('returns the status of a non-2xx answer', async () => {
    expect(await postWebhook(`${base}/fail`, {}, 'secret', { timeoutMs: 2_000 })).toEqual({ ok: false, status: 500, error: 'HTTP 500' });
  });

  it('does not follow redirects', async () => {
    const before = received.length;
    expect(await postWebhook(`${base}/redirect`, {}, 'secret', { timeoutMs: 2_000 })).toMatchObject({ ok: false, status: 302 });
    expect(received.length).toBe(before + 1);
  });

  it('times out without throwing', async () => {
    const started = Date.now();
    const result = await postWebhook(`${base}/hang`, {}, 'secret', { timeoutMs: 200 });
    expect(result).toEqual({ ok: false, error: 'timeout after 200 ms' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('returns network errors instead of throwing', async () => {
    // Take a free port, then close it: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const result = await postWebhook(`http://127.0.0.1:${port}/`, {}, 'secret', { timeoutMs: 2_000 });
    expect(result.ok).toBe(false);
    expect(result.status).toBeUndefined();
    expect(result.error).toMatch(/ECONNREFUSED/);
  });

  it('returns bad URLs and unserialisable payloads instead of throwing', async () => {
    expect(await postWebhook('not a url', {}, 'secret', { timeoutMs: 500 })).toMatchObject({ ok: false, error: expect.any(String) });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(await postWebhook(`${base}/ok`, circular, 'secret', { timeoutMs: 500 })).toMatchObject({ ok: false, error: expect.stringMatching(/circular/i) });
    expect(await postWebhook(`${base}/ok`, undefined, 'secret', { timeoutMs: 500 })).toEqual({ ok: false, error: 'payload is not JSON-serialisable' });
  });
});
