import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';

export const ADMIN = { email: 'admin@e2e.example', password: 'Admin-Password-1' };

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  env: Record<string, string>;
  /** Logs in and returns an `Authorization` header value. */
  login(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts the real API (the same createApiApp that production runs) against real services:
 * a fresh SQLite file, or a fresh PostgreSQL schema when TEST_DATABASE_URL is set, and a queue prefix
 * of its own on the real Redis, so test files never see each other's data or jobs.
 */
export async function startTestApp(extraEnv: Record<string, string> = {}): Promise<TestApp> {
  const id = randomBytes(4).toString('hex');
  const dir = mkdtempSync(join(tmpdir(), 'taskforce-e2e-'));
  const pgUrl = process.env.TEST_DATABASE_URL;
  const schema = `e2e_${id}`;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PASSWORD_HASH_ROUNDS: '4',
    QUEUE_PREFIX: `e2e-${id}`,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    DATABASE_PATH: join(dir, 'taskforce.sqlite'),
    ...(pgUrl ? { DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema } : {}),
    ...extraEnv,
  };
  if (!pgUrl) delete process.env.DATABASE_URL;
  Object.assign(process.env, env);
  // Imported only now, so the configuration module reads the environment set above.
  const { createApiApp } = await import('../../apps/api/src/create-api-app');
  const app = await createApiApp();
  await app.listen(0, '127.0.0.1');
  const http = request(app.getHttpServer());
  return {
    app,
    http,
    env,
    async login(email, password) {
      const res = await http.post('/api/auth/login').send({ email, password });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return `Bearer ${res.body.accessToken}`;
    },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
      if (pgUrl && env.DATABASE_SCHEMA === schema) {
        const c = new Client({ connectionString: pgUrl });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await c.end();
      }
    },
  };
}

export const engine = (): 'postgres' | 'sqlite' => (process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite');
