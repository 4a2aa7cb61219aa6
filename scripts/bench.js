#!/usr/bin/env node
// `npm run bench`: measures the built product (dist/) over real HTTP against a fresh SQLite file and the
// local Redis, and writes bench/results.json and bench/RESULTS.md. Speed is reported as ratios against a
// raw baseline measured in the same run, so figures stay comparable across machines.
const { spawn } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const dist = (p) => join(root, 'dist', p);
const N_THREATS = Number(process.env.BENCH_THREATS || 10000);
const sections = [];
const results = { machine: machine(), startedAt: new Date().toISOString(), sections: {} };

function machine() {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

function peakRssMb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

async function api(base, method, path, { token, body, form } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body) headers['Content-Type'] = 'application/json';
  const res = await fetch(base + path, { method, headers, body: form ?? (body ? JSON.stringify(body) : undefined) });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
  return json;
}

async function startApi(env) {
  const port = 3900 + Math.floor(Math.random() * 90);
  const child = spawn(process.execPath, [dist('apps/api/main.js')], { cwd: root, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      await fetch(base + '/api/health');
      return { child, base };
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error('API did not start');
}

async function world(base) {
  const admin = (await api(base, 'POST', '/api/auth/login', { body: { email: 'admin@bench.example', password: 'Bench-Password-1' } })).accessToken;
  const orgs = (await api(base, 'GET', '/api/organisations', { token: admin })).items;
  const taskforce = orgs.find((o) => o.kind === 'taskforce');
  const { DEMO_PARTNERS } = require(dist('apps/api/src/cli/demo-data.js'));
  const partners = [];
  for (const p of DEMO_PARTNERS) {
    partners.push(await api(base, 'POST', '/api/organisations', { token: admin, body: { name: p.name, kind: 'partner', capabilities: p.capabilities, jurisdictions: p.jurisdictions, clearance: p.clearance, capacity: p.capacity * 100 } }));
  }
  const mk = async (email, role, organisationId) => {
    await api(base, 'POST', '/api/users', { token: admin, body: { email, password: 'Bench-Password-1', role, organisationId } });
    return (await api(base, 'POST', '/api/auth/login', { body: { email, password: 'Bench-Password-1' } })).accessToken;
  };
  return {
    admin,
    partners,
    analyst: await mk('analyst@bench.example', 'analyst', taskforce.id),
    coordinator: await mk('coordinator@bench.example', 'coordinator', taskforce.id),
    partnerUser: await mk('partner@bench.example', 'partner', partners[2].id),
  };
}

/** The same rows, inserted with a prepared better-sqlite3 statement in one transaction: the floor. */
function rawInsertMs(threats) {
  const Database = require('better-sqlite3');
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-raw-'));
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE threat (id TEXT PRIMARY KEY, ref TEXT, title TEXT, description TEXT, crime_area TEXT, harm TEXT, likelihood INTEGER,
    confidence TEXT, trend TEXT, regions TEXT, classification TEXT, intelligence_gaps TEXT, recommended_actions TEXT)`);
  const stmt = db.prepare('INSERT INTO threat VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)');
  const t0 = process.hrtime.bigint();
  db.transaction((rows) => {
    for (const t of rows) {
      stmt.run(crypto.randomUUID(), t.ref, t.title, t.description, t.crimeArea, JSON.stringify(t.harm), t.likelihood, t.confidence, t.trend,
        JSON.stringify(t.regions), t.classification, JSON.stringify(t.intelligenceGaps), JSON.stringify(t.recommendedActions));
    }
  })(threats);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

async function benchUpload(ctx) {
  const { generateThreats, threatsToCsv } = require(dist('libs/assessments/src/index.js'));
  const threats = generateThreats(N_THREATS, 42);
  const csv = threatsToCsv(threats);
  const form = () => {
    const f = new FormData();
    f.append('file', new Blob([csv], { type: 'text/csv' }), `bench-${N_THREATS}.csv`);
    return f;
  };
  const t0 = performance.now();
  const dry = await api(ctx.base, 'POST', '/api/assessments?dryRun=true', { token: ctx.w.analyst, form: form() });
  const dryMs = performance.now() - t0;
  const t1 = performance.now();
  const res = await api(ctx.base, 'POST', '/api/assessments', { token: ctx.w.analyst, form: form() });
  const uploadMs = performance.now() - t1;
  const rawMs = rawInsertMs(threats);
  ctx.assessmentId = res.id;
  const out = {
    threats: N_THREATS,
    csvMegabytes: +(Buffer.byteLength(csv) / 2 ** 20).toFixed(2),
    dryRunMs: Math.round(dryMs),
    uploadMs: Math.round(uploadMs),
    tasksCreated: res.plan.tasks.length,
    rawBetterSqlite3InsertMs: Math.round(rawMs),
    ratioUploadToRawInsert: +(uploadMs / rawMs).toFixed(1),
    apiPeakRssMb: peakRssMb(ctx.child.pid),
    targets: { uploadMs: 3000, peakRssMb: 400 },
  };
  out.meetsTargets = out.uploadMs < 3000 && (out.apiPeakRssMb ?? 0) < 400;
  results.sections.upload = out;
  sections.push([
    `Upload of a generated ${N_THREATS}-threat CSV (${out.csvMegabytes} MB) over HTTP into SQLite, scored, planned and routed`,
    [
      ['Upload to 201 (parse, validate, score, store, plan, route, store tasks)', `${out.uploadMs} ms`, '< 3000 ms'],
      ['Dry run of the same file (no writes)', `${out.dryRunMs} ms`, ''],
      ['Tasks generated and routed', `${out.tasksCreated}`, ''],
      ['Raw better-sqlite3 insert of the same rows (prepared statement, one transaction)', `${out.rawBetterSqlite3InsertMs} ms`, ''],
      ['Ratio: upload / raw insert', `${out.ratioUploadToRawInsert}×`, ''],
      ['API peak RSS (VmHWM) over the run', `${out.apiPeakRssMb} MB`, '< 400 MB'],
    ],
  ]);
}

/** Plan generation + routing in-process, to isolate what tasking adds to an upload. */
function benchPlanning() {
  const tasking = require(dist('libs/tasking/src/index.js'));
  const assessments = require(dist('libs/assessments/src/index.js'));
  if (!tasking.generatePlan || !tasking.applyRouting) return;
  const prev = process.cwd();
  process.chdir(root);
  const scoring = assessments.loadScoringConfig();
  const config = tasking.loadTaskingConfig();
  const capabilities = tasking.loadCapabilities();
  const playbooks = tasking.loadPlaybooks(undefined, capabilities);
  process.chdir(prev);
  const { DEMO_PARTNERS, DEMO_VISION } = require(dist('apps/api/src/cli/demo-data.js'));
  const candidates = DEMO_PARTNERS.map((p, i) => ({ id: `org-${i}`, name: p.name, kind: 'partner', capabilities: p.capabilities, jurisdictions: p.jurisdictions, clearance: p.clearance, capacity: p.capacity, openTasks: 0 }));
  const threats = assessments.scoreThreats(assessments.generateThreats(N_THREATS, 42), scoring).map((t) => ({ ...t, effectiveBand: t.band }));
  const t0 = performance.now();
  const drafts = tasking.generatePlan(threats, { config, playbooks, objectives: DEMO_VISION.objectives });
  const t1 = performance.now();
  const routed = tasking.applyRouting(drafts, threats, candidates, { maxSupporters: config.maxSupporters });
  const t2 = performance.now();
  const out = { threats: N_THREATS, tasks: routed.length, unrouted: routed.filter((d) => d.unrouted).length, generateMs: +(t1 - t0).toFixed(1), routeMs: +(t2 - t1).toFixed(1), target: { totalMs: 1000 } };
  results.sections.planning = out;
  sections.push([
    `Tasking plan for the ${N_THREATS}-threat assessment, in process (pure functions)`,
    [
      ['Generate plan', `${out.generateMs} ms (${out.tasks} tasks, ${out.unrouted} unrouted)`, ''],
      ['Route in bulk against the demo partner bodies', `${out.routeMs} ms`, ''],
      ['Together', `${(out.generateMs + out.routeMs).toFixed(1)} ms`, '< 1000 ms added to the upload'],
    ],
  ]);
}

async function main() {
  require('./ensure-built').ensureBuilt();
  const dir = mkdtempSync(join(os.tmpdir(), 'taskforce-bench-'));
  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_PATH: join(dir, 'bench.sqlite'),
    DATABASE_URL: '',
    QUEUE_PREFIX: `bench-${process.pid}`,
    PASSWORD_HASH_ROUNDS: '4',
    BOOTSTRAP_ADMIN_EMAIL: 'admin@bench.example',
    BOOTSTRAP_ADMIN_PASSWORD: 'Bench-Password-1',
    LOGIN_RATE_LIMIT: '10000',
  };
  const { child, base } = await startApi(env);
  const ctx = { child, base, dir, env };
  try {
    ctx.w = await world(base);
    await benchUpload(ctx);
    benchPlanning();
    for (const extra of require('./bench-sections')) await extra(ctx, { api, results, sections, peakRssMb, dist, root });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
  results.finishedAt = new Date().toISOString();
  writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  const md = [
    '# Benchmark results',
    '',
    `Run ${results.startedAt} on ${results.machine.cpu} (${results.machine.cores} cores, ${results.machine.memoryGiB} GiB), Node ${results.machine.node}, ${results.machine.platform}.`,
    'Produced by `npm run bench` against the built apps (dist/), a fresh SQLite file and the local Redis.',
    '',
    ...sections.flatMap(([title, rows]) => [`## ${title}`, '', '| measure | result | target |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`), '']),
  ].join('\n');
  writeFileSync(join(root, 'bench', 'RESULTS.md'), md);
  console.log(md);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
