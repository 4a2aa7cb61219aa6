import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

const SECRET = 's3cret';
const TS = 1_767_225_600; // 2026-01-01T00:00:00Z
const NOW = new Date(TS * 1000);
const BODY = '{"kind":"due-reminder","taskId":"t1","title":"Café ☕"}';

describe('signWebhook', () => {
  it('is HMAC-SHA256 over "<timestamp>.<body>", hex, with a sha256= prefix', () => {
    const expected = createHmac('sha256', SECRET).update(`${TS}.${BODY}`).digest('hex');
    expect(signWebhook(SECRET, TS, BODY)).toEqual({
      'X-Taskforce-Timestamp': String(TS),
      'X-Taskforce-Signature': `sha256=${expected}`,
    });
  });

  it('signs a Buffer body the same as its string', () => {
    expect(signWebhook(SECRET, TS, Buffer.from(BODY))).toEqual(signWebhook(SECRET, TS, BODY));
  });

  it('wants whole unix seconds', () => {
    expect(() => signWebhook(SECRET, Date.now() / 1000 + 0.5, BODY)).toThrow(/unix seconds/);
  });
});

describe('verifyWebhookSignature', () => {
  const headers = signWebhook(SECRET, TS, BODY);
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

  it('accepts what was signed, with headers in any case', () => {
    expect(verifyWebhookSignature(SECRET, headers, BODY, 300, NOW)).toBe(true);
    expect(verifyWebhookSignature(SECRET, lower, Buffer.from(BODY), 300, NOW)).toBe(true);
    expect(verifyWebhookSignature(SECRET, { ...lower, 'x-taskforce-signature': [lower['x-taskforce-signature']] }, BODY, 300, NOW)).toBe(true);
  });

  it('rejects another secret, a changed body, or a changed timestamp', () => {
    expect(verifyWebhookSignature('other', headers, BODY, 300, NOW)).toBe(false);
    expect(verifyWebhookSignature(SECRET, headers, BODY.replace('t1', 't2'), 300, NOW)).toBe(false);
    expect(verifyWebhookSignature(SECRET, { ...headers, 'X-Taskforce-Timestamp': String(TS + 1) }, BODY, 300, NOW)).toBe(false);
  });

  it('rejects timestamps outside the tolerance, either side', () => {
    expect(verifyWebhookSignature(SECRET, headers, BODY, 300, new Date((TS + 300) * 1000))).toBe(true);
    expect(verifyWebhookSignature(SECRET, headers, BODY, 300, new Date((TS + 301) * 1000))).toBe(false);
    expect(verifyWebhookSignature(SECRET, headers, BODY, 300, new Date((TS - 301) * 1000))).toBe(false);
    expect(verifyWebhookSignature(SECRET, headers, BODY, 10, new Date((TS + 11) * 1000))).toBe(false);
  });

  it('defaults now to the current time', () => {
    const fresh = signWebhook(SECRET, Math.floor(Date.now() / 1000), BODY);
    expect(verifyWebhookSignature(SECRET, fresh, BODY)).toBe(true);
    expect(verifyWebhookSignature(SECRET, headers, BODY)).toBe(false); // 2026-01-01 is long gone or far ahead
  });

  it.each<[string, Record<string, string | string[] | undefined>]>([
    ['no headers', {}],
    ['no signature', { 'X-Taskforce-Timestamp': String(TS) }],
    ['no timestamp', { 'X-Taskforce-Signature': headers['X-Taskforce-Signature'] }],
    ['a non-numeric timestamp', { ...headers, 'X-Taskforce-Timestamp': `${TS}.0` }],
    ['another scheme', { ...headers, 'X-Taskforce-Signature': headers['X-Taskforce-Signature'].replace('sha256=', 'sha1=') }],
    ['a short signature', { ...headers, 'X-Taskforce-Signature': headers['X-Taskforce-Signature'].slice(0, -2) }],
    ['a non-hex signature', { ...headers, 'X-Taskforce-Signature': `sha256=${'z'.repeat(64)}` }],
    ['two signatures', { ...headers, 'X-Taskforce-Signature': [headers['X-Taskforce-Signature'], headers['X-Taskforce-Signature']] }],
  ])('rejects %s without throwing', (_label, bad) => {
    expect(verifyWebhookSignature(SECRET, bad, BODY, 300, NOW)).toBe(false);
  });
});
