import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  const v = String(value).toLowerCase();
  return ['true', '1', 'yes', 'on'].includes(v) ? true : ['false', '0', 'no', 'off'].includes(v) ? false : value;
};
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every environment variable the apps read, with its default. Validated once at start so that a bad
 * value stops the process with one line naming the variable instead of failing later at first use.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString() @MinLength(1)
  DATABASE_PATH = 'data/taskforce.sqlite';

  @Transform(emptyToUndefined) @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** PostgreSQL schema; lets test runs and tenants share one database without colliding. */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lower-case SQL identifier' })
  DATABASE_SCHEMA?: string;

  @Transform(toBool) @IsBoolean()
  DATABASE_LOGGING = false;

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** BullMQ key prefix: separate deployments (or test runs) on one Redis never see each other's jobs. */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1-64 letters, digits, _ or -' })
  QUEUE_PREFIX = 'taskforce';

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Matches(/^\d+[smhd]$/, { message: 'must look like 30m, 8h or 1d' })
  JWT_TTL = '8h';

  @Transform(emptyToUndefined) @IsOptional() @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(10, { message: 'must be at least 10 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  @Transform(toBool) @IsBoolean()
  API_DOCS = true;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt) @IsInt() @Min(1024) @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @Transform(toInt) @IsInt() @Min(1024) @Max(512 * 1024 * 1024)
  UPLOAD_MAX_BYTES = 25 * 1024 * 1024;

  @Transform(toInt) @IsInt() @Min(1) @Max(200000)
  UPLOAD_MAX_ROWS = 20000;

  @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  PAGE_SIZE_MAX = 200;

  @Transform(toInt) @IsInt() @Min(1) @Max(10000)
  LOGIN_RATE_LIMIT = 10;

  @Transform(toInt) @IsInt() @Min(1) @Max(86400)
  LOGIN_RATE_WINDOW_SECONDS = 60;

  @Transform(toInt) @IsInt() @Min(4) @Max(15)
  PASSWORD_HASH_ROUNDS = 12;

  @Transform(emptyToUndefined) @IsOptional() @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsEmail()
  SMTP_FROM = 'noreply@taskforce.example';

  @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  RECONCILE_INTERVAL_SECONDS = 30;

  @Transform(toInt) @IsInt() @Min(1) @Max(64)
  WORKER_CONCURRENCY = 8;

  /** Tries for a reminder job before it stays failed (visible in the queue dashboard). */
  @Transform(toInt) @IsInt() @Min(1) @Max(100)
  REMINDER_JOB_ATTEMPTS = 5;

  /** First retry delay; BullMQ doubles it on each further try. */
  @Transform(toInt) @IsInt() @Min(10) @Max(3_600_000)
  REMINDER_JOB_BACKOFF_MS = 2000;

  @Transform(toInt) @IsInt() @Min(1) @Max(100)
  DELIVERY_ATTEMPTS = 8;

  /** 5 s, 10 s, 20 s… about ten minutes over 8 tries by default. */
  @Transform(toInt) @IsInt() @Min(10) @Max(3_600_000)
  DELIVERY_BACKOFF_MS = 5000;

  @Transform(toInt) @IsInt() @Min(100) @Max(120_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  @Transform(toInt) @IsInt() @Min(10) @Max(10_000)
  RECONCILE_BATCH_SIZE = 1000;

  /** How long a job stays locked to a worker that stopped answering (SIGKILL) before another takes it. */
  @Transform(toInt) @IsInt() @Min(1000) @Max(600_000)
  JOB_LOCK_MS = 30_000;
}

/** A development-only signing key. Production refuses to start without JWT_SECRET. */
export const DEV_JWT_SECRET = 'taskforce-development-secret-do-not-use-in-production';

export class ConfigurationError extends Error {}

/** Validates `env` and returns typed values; throws ConfigurationError with one line per bad variable. */
export function validateEnvironment(env: Record<string, unknown>): EnvironmentVariables {
  const known = Object.keys(new EnvironmentVariables());
  const relevant: Record<string, unknown> = {};
  for (const key of [...known, 'DATABASE_URL', 'DATABASE_SCHEMA', 'JWT_SECRET', 'BOOTSTRAP_ADMIN_EMAIL', 'BOOTSTRAP_ADMIN_PASSWORD', 'SMTP_URL']) {
    if (env[key] !== undefined) relevant[key] = env[key];
  }
  const parsed = plainToInstance(EnvironmentVariables, relevant, { exposeDefaultValues: true });
  const problems = validateSync(parsed, { skipMissingProperties: false }).map((e) => {
    const msg = Object.values(e.constraints ?? {}).join('; ');
    const shown = /SECRET|PASSWORD/.test(e.property) ? '(hidden)' : JSON.stringify(e.value);
    return `${e.property} ${msg.replace(new RegExp(`^${e.property}\\s*`), '')} (got ${shown})`;
  });
  if (parsed.NODE_ENV === 'production' && !parsed.JWT_SECRET) {
    problems.push('JWT_SECRET is required when NODE_ENV=production');
  }
  if (Boolean(parsed.BOOTSTRAP_ADMIN_EMAIL) !== Boolean(parsed.BOOTSTRAP_ADMIN_PASSWORD)) {
    problems.push('BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together');
  }
  if (problems.length) throw new ConfigurationError(`Invalid configuration: ${problems.join(' | ')}`);
  return parsed;
}
