import { registerAs } from '@nestjs/config';
import { DEV_JWT_SECRET, validateEnvironment } from './environment';

/**
 * Typed configuration namespaces (read with `@Inject(databaseConfig.KEY)`). Each one re-reads the
 * validated environment so the namespaces cannot disagree with the start-up check.
 */
const env = () => validateEnvironment(process.env);

export const appConfig = registerAs('app', () => {
  const e = env();
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    apiDocs: e.API_DOCS,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    uploadMaxRows: e.UPLOAD_MAX_ROWS,
    pageSizeMax: e.PAGE_SIZE_MAX,
  };
});

export const databaseConfig = registerAs('database', () => {
  const e = env();
  return {
    url: e.DATABASE_URL,
    path: e.DATABASE_PATH,
    schema: e.DATABASE_SCHEMA,
    logging: e.DATABASE_LOGGING,
  };
});

export const redisConfig = registerAs('redis', () => {
  const e = env();
  return { url: e.REDIS_URL, queuePrefix: e.QUEUE_PREFIX };
});

export const authConfig = registerAs('auth', () => {
  const e = env();
  return {
    jwtSecret: e.JWT_SECRET ?? DEV_JWT_SECRET,
    jwtTtl: e.JWT_TTL,
    bootstrapAdminEmail: e.BOOTSTRAP_ADMIN_EMAIL,
    bootstrapAdminPassword: e.BOOTSTRAP_ADMIN_PASSWORD,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    loginRateWindowSeconds: e.LOGIN_RATE_WINDOW_SECONDS,
    passwordHashRounds: e.PASSWORD_HASH_ROUNDS,
  };
});

export const notificationsConfig = registerAs('notifications', () => {
  const e = env();
  return {
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    reconcileIntervalSeconds: e.RECONCILE_INTERVAL_SECONDS,
    workerConcurrency: e.WORKER_CONCURRENCY,
    reminderJobAttempts: e.REMINDER_JOB_ATTEMPTS,
    reminderJobBackoffMs: e.REMINDER_JOB_BACKOFF_MS,
    deliveryAttempts: e.DELIVERY_ATTEMPTS,
    deliveryBackoffMs: e.DELIVERY_BACKOFF_MS,
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
    reconcileBatchSize: e.RECONCILE_BATCH_SIZE,
    jobLockMs: e.JOB_LOCK_MS,
  };
});

export type AppConfig = ReturnType<typeof appConfig>;
export type DatabaseConfig = ReturnType<typeof databaseConfig>;
export type RedisConfig = ReturnType<typeof redisConfig>;
export type AuthConfig = ReturnType<typeof authConfig>;
export type NotificationsConfig = ReturnType<typeof notificationsConfig>;

export const ALL_CONFIG = [appConfig, databaseConfig, redisConfig, authConfig, notificationsConfig];
