#!/usr/bin/env node
// `npm start`: build if the sources changed, migrate, load the demo data, then run the API and the
// worker together (Ctrl-C stops both). Production runs the two apps separately; see README.
const { spawn, spawnSync } = require('node:child_process');
const { join } = require('node:path');
const http = require('node:http');

const { ensureBuilt, root } = require('./ensure-built');
const env = { ...process.env, NODE_ENV: process.env.NODE_ENV || 'development', PORT: process.env.PORT || '3000' };
const port = env.PORT;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** pino JSON lines → one short readable line each, so the quick start reads like a log, not a dump. */
const QUIET_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

function pretty(name, line) {
  try {
    const o = JSON.parse(line);
    // Nest's module-by-module start-up chatter hides what matters in a quick start.
    if (o.level <= 30 && QUIET_CONTEXTS.has(o.context)) return null;
    const lvl = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' }[o.level] || o.level;
    const time = new Date(o.time).toISOString().slice(11, 19);
    const req = o.req ? ` ${o.req.method} ${o.req.url} → ${o.res ? o.res.statusCode : ''}${o.responseTime !== undefined ? ` ${o.responseTime}ms` : ''}` : '';
    return `${time} ${name.padEnd(6)} ${String(lvl).padEnd(5)} ${o.context ? `[${o.context}] ` : ''}${o.msg ?? ''}${req}`;
  } catch {
    return `${name.padEnd(6)} ${line}`;
  }
}

function start(name, script) {
  const child = spawn(process.execPath, [script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream.on('data', (d) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        const text = line.trim() ? pretty(name, line) : null;
        if (text) process.stdout.write(text + '\n');
      }
    });
  }
  return child;
}

/** Health once the API answers; while it says a dependency is down, keeps asking a few seconds (connections settle). */
function waitForApi(timeoutMs = 60000, settleMs = 8000) {
  const until = Date.now() + timeoutMs;
  let answeredAt = null;
  return new Promise((resolve) => {
    const again = (last) => (Date.now() > until ? resolve(last) : setTimeout(() => probe(last), 500));
    const probe = (last) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/health', timeout: 2000 }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => {
          answeredAt = answeredAt ?? Date.now();
          if (res.statusCode === 200 || Date.now() - answeredAt > settleMs) resolve(body);
          else again(body);
        });
      });
      req.on('error', () => again(last));
    };
    probe(null);
  });
}

ensureBuilt();
if (env.SEED_DEMO !== 'false') {
  // Migrates, then loads the demo data (idempotent) and prints the demo logins.
  run(process.execPath, [join(root, 'dist', 'apps', 'api', 'src', 'cli.js'), 'seed-demo']);
} else {
  run(process.execPath, [join(root, 'dist', 'apps', 'api', 'src', 'cli.js'), 'migrate']);
}

const children = [start('api', join(root, 'dist', 'apps', 'api', 'main.js')), start('worker', join(root, 'dist', 'apps', 'worker', 'main.js'))];
let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  const force = setTimeout(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')), 10000);
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r))))).then(() => {
    clearTimeout(force);
    process.exit(code);
  });
}
for (const c of children) c.on('exit', (code) => !stopping && (console.error(`a process exited (code ${code}); stopping`), stop(code || 1)));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

waitForApi().then((health) => {
  if (!health) return console.error(`The API did not answer on port ${port}; see the log above.`);
  console.log(`\nTaskforce is running.\n  API:    http://localhost:${port}/api\n  Docs:   http://localhost:${port}/api/docs\n  Health: ${health}`);
  if (!health.includes('"redis":"up"')) console.log('  Redis is not reachable at ' + (env.REDIS_URL || 'redis://127.0.0.1:6379') + ': reminders wait in the database until it is.');
  console.log('  Demo logins are listed above. Press Ctrl-C to stop.\n');
});
