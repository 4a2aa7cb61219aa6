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

module.exports = [tasksListing];
