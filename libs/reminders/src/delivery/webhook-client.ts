import { signWebhook } from './webhook-signature';

export const WEBHOOK_DELIVERY_HEADER = 'X-Taskforce-Delivery';

export interface PostWebhookOptions {
  timeoutMs: number;
  /**
   * Stable id of this delivery, sent as X-Taskforce-Delivery, the same on every retry, so a
   * receiver can drop duplicates (a retry after a timeout may follow a delivery that did land).
   */
  deliveryId?: string;
  /** Clock for the signature timestamp (tests). */
  now?: () => Date;
}

export interface WebhookResult {
  /** True for a 2xx answer. */
  ok: boolean;
  /** HTTP status, when the receiver answered at all. */
  status?: number;
  /** Why it failed (HTTP status, timeout, network error); absent when ok. */
  error?: string;
}

/**
 * POSTs `payload` as JSON to an organisation's webhook, signed (see webhook-signature.ts).
 * Never throws: every failure (bad URL, DNS, refused, timeout, non-2xx) comes back as
 * `{ ok: false, error }`, so the caller (the delivery job) records it and decides on retry and
 * backoff in one place. Redirects are not followed (a 3xx is a failure): the organisation
 * registered this URL, and a signed payload should not travel on to wherever it points.
 */
export async function postWebhook(
  url: string,
  payload: unknown,
  secret: string,
  options: PostWebhookOptions,
): Promise<WebhookResult> {
  try {
    const rawBody = JSON.stringify(payload);
    if (rawBody === undefined) return { ok: false, error: 'payload is not JSON-serialisable' };
    const timestamp = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'User-Agent': 'Taskforce-Webhook/1',
      ...signWebhook(secret, timestamp, rawBody),
    };
    if (options.deliveryId) headers[WEBHOOK_DELIVERY_HEADER] = options.deliveryId;

    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: rawBody,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    // The status decides the outcome; the body is never read (a receiver could send gigabytes), only
    // cancelled so the connection is released.
    await response.body?.cancel().catch(() => undefined);
    if (response.ok) return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (err) {
    return { ok: false, error: describeError(err, options.timeoutMs) };
  }
}

function describeError(err: unknown, timeoutMs: number): string {
  // Duck-typed rather than `instanceof Error`: fetch's errors come from another realm under test
  // runners (and in some bundles), where instanceof is false for real errors.
  if (!isErrorLike(err)) return String(err);
  if (err.name === 'TimeoutError') return `timeout after ${timeoutMs} ms`;
  // undici reports network failures as "fetch failed" with the real reason in `cause`.
  const cause = (err as { cause?: unknown }).cause;
  if (isErrorLike(cause)) {
    const code = (cause as { code?: unknown }).code;
    return `${err.message}: ${typeof code === 'string' ? `${code} ` : ''}${cause.message}`.trim();
  }
  return err.message;
}

function isErrorLike(value: unknown): value is { name: string; message: string } {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string'
    && typeof (value as { name?: unknown }).name === 'string';
}
