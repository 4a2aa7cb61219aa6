// Further benchmark sections, each `async (ctx, tools) => void`, run in order after the upload
// benchmark against the same API process and data.
const autocannon = require('autocannon');

/** GET /api/tasks as a partner with 50,000+ tasks stored: p99 at a fixed 200 req/s. */
async function tasksListing(ctx, { api, results, sections, dist }) {
  const { generateThreats, threatsToCsv } = require(dist('libs/assessments/src/index.js'));
  let total = (await api(ctx.base, 'GET', '/api/tasks?limit=1', { token: ctx.w.coordinator })).total;
  for (let seed = 100; total < 50000; seed++) {
    const f = new FormData();
    f.append('file', new Blob([threatsToCsv(generateThreats(10000, seed))], { type: 'text/csv' }), `fill-${seed}.csv`);
    await api(ctx.base, 'POST', '/api/assessments', { token: ctx.w.analyst, form: f });
    total = (await api(ctx.base, 'GET', '/api/tasks?limit=1', { token: ctx.w.coordinator })).total;
  }
  const visible = (await api(ctx.base, 'GET', '/api/tasks?limit=1', { token: ctx.w.partnerUser })).total;
  const run = await autocannon({
    url: `${ctx.base}/api/tasks?limit=50`,
    headers: { Authorization: `Bearer ${ctx.w.partnerUser}` },
    connections: 20,
    overallRate: 200,
    duration: 10,
  });
  const out = {
    tasksStored: total,
    tasksVisibleToPartner: visible,
    requests: run.requests.total,
    non2xx: run.non2xx,
    errors: run.errors,
    latencyMs: { p50: run.latency.p50, p90: run.latency.p90, p99: run.latency.p99, max: run.latency.max },
    target: { p99Ms: 50, rate: 200 },
  };
  out.meetsTarget = out.latencyMs.p99 < 50 && out.non2xx === 0 && out.errors === 0;
  results.sections.tasksListing = out;
  sections.push([
    `GET /api/tasks?limit=50 as a partner, ${total} tasks stored (${visible} visible to that partner), autocannon at 200 req/s for 10 s`,
    [
      ['Latency p50 / p90 / p99 / max', `${out.latencyMs.p50} / ${out.latencyMs.p90} / ${out.latencyMs.p99} / ${out.latencyMs.max} ms`, 'p99 < 50 ms'],
      ['Requests (non-2xx, errors)', `${out.requests} (${out.non2xx}, ${out.errors})`, '0 failures'],
    ],
  ]);
}

/**
 * Reminders (issue 5): scheduling throughput for a 10,000-task plan, and lag from due time to inbox row
 * for 1,000 reminders due at once, with a real worker process. Runs test/support/worker-bench.ts, which
 * starts its own API instance and worker on a fresh SQLite file.
 */
async function reminders(_ctx, { results, sections, root }) {
  const { spawnSync } = require('node:child_process');
  const { join } = require('node:path');
  const r = spawnSync(process.execPath, ['-r', './test/support/worker-register.js', join('test', 'support', 'worker-bench.ts'), '--tasks', '10000', '--fire', '1000'], {
    cwd: root,
    env: { ...process.env, TEST_DATABASE_URL: '' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const start = r.stdout.indexOf('{\n');
  if (r.status !== 0 || start < 0) throw new Error(`reminder bench failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const out = JSON.parse(r.stdout.slice(start));
  results.sections.reminders = out;
  const s = out.scheduling;
  const f = out.firing;
  sections.push([
    'Reminders: scheduling a 10,000-task plan, and 1,000 reminders due at the same moment (1 worker process)',
    [
      ['Reminder jobs for the plan', `${s.reminders} (rows stored in ${s.storeMs} ms, queued with addBulk in ${s.queueMs} ms)`, ''],
      ['Queueing throughput (addBulk)', `${s.addBulkJobsPerSecond} jobs/s`, '≥ 5,000 jobs/s'],
      ['End to end (store rows + queue)', `${s.endToEndJobsPerSecond} jobs/s`, ''],
      f.lagMs
        ? ['Lag from due time to inbox row, p50 / p95 / p99 / max', `${f.lagMs.p50} / ${f.lagMs.p95} / ${f.lagMs.p99} / ${f.lagMs.max} ms`, 'p99 < 2,000 ms']
        : ['Lag from due time to inbox row', f.error, 'p99 < 2,000 ms'],
    ],
  ]);
}

module.exports = [tasksListing, reminders];
