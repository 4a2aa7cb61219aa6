import type { RedisOptions } from 'ioredis';

/** ioredis options from a redis:// URL, so every client (health, producers, workers) agrees. */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const u = new URL(url);
  const db = u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: Number.isFinite(db) ? db : 0,
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/** Reconnect forever with capped exponential backoff: an outage must never end the process. */
export const reconnectBackoff = (capMs: number) => (times: number) => Math.min(100 * 2 ** Math.min(times, 10), capMs);

/**
 * Producer side (API): commands fail at once while Redis is down instead of queueing in memory,
 * so a request never hangs on Redis and the database outbox takes over.
 */
export function producerRedisOptions(url: string): RedisOptions {
  return {
    ...redisOptionsFromUrl(url),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: reconnectBackoff(2000),
  };
}

/** Worker side: BullMQ requires maxRetriesPerRequest null for blocking commands. */
export function workerRedisOptions(url: string): RedisOptions {
  return {
    ...redisOptionsFromUrl(url),
    maxRetriesPerRequest: null,
    connectTimeout: 5000,
    retryStrategy: reconnectBackoff(10_000),
  };
}
