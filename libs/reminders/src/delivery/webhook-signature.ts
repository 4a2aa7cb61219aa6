import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_TIMESTAMP_HEADER = 'X-Taskforce-Timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'X-Taskforce-Signature';
const SCHEME = 'sha256=';

// A type alias, not an interface, so it stays assignable to a plain header record.
export type WebhookSignatureHeaders = {
  'X-Taskforce-Timestamp': string;
  'X-Taskforce-Signature': string;
};

/**
 * Signs a webhook body: HMAC-SHA256 over `${timestamp}.${rawBody}`, hex, prefixed "sha256=".
 * The timestamp is inside the MAC so a captured delivery cannot be replayed later with a fresh
 * timestamp; receivers reject old ones (verifyWebhookSignature's tolerance).
 * `timestamp` is unix seconds. Sign the exact bytes you send: re-serialising JSON changes them.
 */
export function signWebhook(secret: string, timestamp: number, rawBody: string | Buffer): WebhookSignatureHeaders {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new Error(`signWebhook: timestamp must be whole unix seconds, got ${timestamp}`);
  }
  return {
    [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
    [WEBHOOK_SIGNATURE_HEADER]: SCHEME + hmacHex(secret, String(timestamp), rawBody),
  } as WebhookSignatureHeaders;
}

/**
 * Checks a received webhook. `headers` may be Node's incoming headers (lower-case names, values
 * possibly arrays) or the object signWebhook returned; names are matched case-insensitively.
 * True only when the timestamp is within `toleranceSeconds` of `now` (either side, for clock skew)
 * and the signature matches. Never throws on malformed input: a bad request is just not verified.
 */
export function verifyWebhookSignature(
  secret: string,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  rawBody: string | Buffer,
  toleranceSeconds = 300,
  now: Date = new Date(),
): boolean {
  const timestamp = header(headers, WEBHOOK_TIMESTAMP_HEADER);
  const signature = header(headers, WEBHOOK_SIGNATURE_HEADER);
  if (timestamp === undefined || signature === undefined) return false;
  if (!/^\d{1,15}$/.test(timestamp)) return false;
  if (Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp)) > toleranceSeconds) return false;
  if (!signature.startsWith(SCHEME)) return false;
  const given = signature.slice(SCHEME.length);
  if (!/^[0-9a-fA-F]{64}$/.test(given)) return false;
  const expected = Buffer.from(hmacHex(secret, timestamp, rawBody), 'hex');
  // Both are 32 bytes here (checked above), as timingSafeEqual requires; comparing in constant
  // time keeps the expected MAC from leaking byte by byte through response timing.
  return timingSafeEqual(Buffer.from(given, 'hex'), expected);
}

function hmacHex(secret: string, timestamp: string, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

function header(headers: Readonly<Record<string, string | string[] | undefined>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    // Node joins some repeated headers and lists others; more than one value is not ours.
    if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
    return value;
  }
  return undefined;
}
