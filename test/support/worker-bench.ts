// Reminder benchmarks (issue 5): run with
//   node -r ./test/support/worker-register.js test/support/worker-bench.ts [--tasks 10000] [--fire 1000] [--workers 1]
// Set TEST_DATABASE_URL=postgres://… to measure PostgreSQL instead of the embedded SQLite file.
// 1. Scheduling: ReminderScheduler plans and stores the reminders of a plan of N issued tasks (in one
//    transaction, as tasking calls it), then queues them with addBulk: jobs/s for both parts.
// 2. Firing: M tasks issued at the same instant (one bulk issue), so M acceptance escalations fall
//    due at the same moment; real worker processes send them. Lag = inbox row created − reminder due.
//    (Escalations, because an acceptance reminder still queued at the deadline is skipped by design.)
import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TransactionRunner } from '@app/database';
import { ReminderQueues, ReminderScheduler } from '@app/reminders/nest';
import type { TaskChange, TaskSnapshot } from '@app/tasking/application/task-change-listener';
import { createWorld } from './fixtures';
import { startTestApp } from './test-app';
import { startWorker } from './worker-process';
import { createPoliceTasks, issueAll } from './worker-scenario';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const taskCount = arg('tasks', 10_000);
  const fireCount = arg('fire', 1000);
  const workerCount = arg('workers', 1);
  const t = await startTestApp({ REMINDER_POLICY_PATH: 'config/reminders.test.json', RECONCILE_INTERVAL_SECONDS: '30' });
  const engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';
  const results: Record<string, unknown> = { engine, node: process.version };
  try {
    // --- 1. scheduling -----------------------------------------------------------------------
    const scheduler = t.app.get(ReminderScheduler);
    const tx = t.app.get(TransactionRunner);
    const queues = t.app.get(ReminderQueues);
    for (let i = 0; i < 100 && !queues.ready; i++) await new Promise((r) => setTimeout(r, 50));
    const issuedAt = new Date(Date.now() + 3_600_000); // an hour ahead: nothing fires during the bench
    const snapshots: TaskSnapshot[] = Array.from({ length: taskCount }, (_, i) => ({
      id: randomUUID(),
      threatId: randomUUID(),
      threatRef: `T-BENCH-${i}`,
      assessmentId: randomUUID(),
      title: `Bench task ${i}`,
      strand: 'pursue',
      capability: 'enforcement',
      band: 'P2',
      status: 'assigned',
      organisationId: randomUUID(),
      supporterIds: [],
      issuedAt: issuedAt.toISOString(),
      acceptBy: new Date(issuedAt.getTime() + 48 * 3_600_000).toISOString(),
      dueAt: new Date(issuedAt.getTime() + 30 * 86_400_000).toISOString(),
      startedAt: null,
      version: 2,
    }));
    const changes: TaskChange[] = snapshots.map((after) => ({ before: { ...after, status: 'proposed', version: 1 }, after, action: 'issue', actor: null, reason: null, at: issuedAt.toISOString() }));
    const t0 = performance.now();
    await tx.run((em) => scheduler.onTasksChanged(em, changes));
    const t1 = performance.now();
    const addBulkSpy = queues.enqueueReminders.bind(queues);
    let queueMs = 0;
    queues.enqueueReminders = async (rows, now) => {
      const s = performance.now();
      await addBulkSpy(rows, now);
      queueMs += performance.now() - s;
    };
    await scheduler.afterCommit(changes);
    const t2 = performance.now();
    queues.enqueueReminders = addBulkSpy;
    const jobs = await queues.reminders.getDelayedCount();
    results.scheduling = {
      tasks: taskCount,
      reminders: jobs,
      storeMs: Math.round(t1 - t0),
      queueMs: Math.round(queueMs),
      totalMs: Math.round(t2 - t0),
      addBulkJobsPerSecond: Math.round(jobs / (queueMs / 1000)),
      endToEndJobsPerSecond: Math.round(jobs / ((t2 - t0) / 1000)),
    };
    // Clear the synthetic plan out of the way (its tasks do not exist) before measuring firing.
    await queues.reminders.obliterate({ force: true });
    await t.app.get<DataSource>(getDataSourceToken()).query(`DELETE FROM reminder`);

    // --- 2. firing -----------------------------------------------------------------------------
    const w = await createWorld(t);
    await t.http.patch(`/api/organisations/${w.police.id}`).set('Authorization', w.admin).send({ capacity: 100_000 }).expect(200);
    const workers = Array.from({ length: workerCount }, () => startWorker(t.env, { LOG_LEVEL: 'warn' }));
    await Promise.all(workers.map((p) => p.ready.catch(() => undefined)));
    const tasks = await createPoliceTasks(t, w, fireCount, 'FIRE');
    await issueAll(t, w, tasks);
    const ds = t.app.get<DataSource>(getDataSourceToken());
    const ids = new Set(tasks.map((x) => x.id));
    const deadline = Date.now() + 120_000;
    let lags: number[] = [];
    while (Date.now() < deadline) {
      const rows: Array<{ task_id: string; fire_at: string; created_at: string }> = await ds.query(
        `SELECT r.task_id, r.fire_at, n.created_at FROM reminder r JOIN notification n ON n.reminder_id = r.id WHERE r.kind = 'acceptance-escalation'`,
      );
      const mine = rows.filter((r) => ids.has(r.task_id));
      if (mine.length >= fireCount) {
        lags = mine.map((r) => Date.parse(r.created_at) - Date.parse(r.fire_at)).sort((a, b) => a - b);
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    for (const p of workers) await p.stop();
    results.firing = lags.length
      ? {
          reminders: fireCount,
          workers: workerCount,
          concurrencyPerWorker: Number(process.env.WORKER_CONCURRENCY ?? 8),
          lagMs: { p50: percentile(lags, 50), p95: percentile(lags, 95), p99: percentile(lags, 99), max: lags[lags.length - 1] },
        }
      : {
          error: `not all ${fireCount} reminders arrived within 120 s`,
          statuses: await ds.query(`SELECT kind, status, COUNT(*) AS n FROM reminder GROUP BY kind, status`),
        };
  } finally {
    await t.close();
  }
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  process.exit(0);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
