import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface WorkerProcess {
  readonly proc: ChildProcess;
  /** Everything the worker printed (pino JSON lines and stderr). */
  readonly output: string[];
  /** Resolves once it consumes (its "consuming" log line). */
  ready: Promise<void>;
  /**
   * SIGTERM: graceful; resolves once it exited, true when it shut down cleanly (it logged that its
   * queue workers stopped: Nest re-raises the signal after its shutdown hooks, so there is no exit code).
   */
  stop(): Promise<boolean>;
  /** SIGKILL: a crash, nothing gets finished. */
  kill(): Promise<void>;
}

/**
 * Starts the real worker (apps/worker/src/main.ts) as a child process with `env` (usually the test
 * app's env, so it shares the database, Redis and queue prefix). TypeScript is transpiled on the fly
 * by worker-register.js, so no build is needed.
 */
export function startWorker(env: Record<string, string>, extra: Record<string, string> = {}): WorkerProcess {
  const proc = spawn(process.execPath, ['--no-warnings', '-r', join(__dirname, 'worker-register.js'), join(ROOT, 'apps/worker/src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'info', ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let exited = false;
  const exit = new Promise<number | null>((resolve) => proc.once('exit', (code) => ((exited = true), resolve(code))));
  const stoppedCleanly = () => output.join('').includes('queue workers stopped');
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      if (text.includes('consuming reminders')) resolve();
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    void exit.then((code) => reject(new Error(`worker exited (${code}) before it was ready:\n${output.join('').slice(-4000)}`)));
    setTimeout(() => reject(new Error(`worker not ready after 30 s:\n${output.join('').slice(-4000)}`)), 30_000).unref();
  });
  ready.catch(() => undefined);
  return {
    proc,
    output,
    ready,
    async stop() {
      if (!exited) {
        proc.kill('SIGTERM');
        await exit;
      }
      return stoppedCleanly();
    },
    async kill() {
      if (exited) return;
      proc.kill('SIGKILL');
      await exit;
    },
  };
}
