import { existsSync } from 'node:fs';
import { ConfigurationError, validateEnvironment } from './environment';

/**
 * Run first in every entry point: a bad or missing value stops start-up with one clear line
 * naming the variable, instead of a stack trace from deep inside Nest.
 */
export function assertEnvironment(processName: string): void {
  try {
    // Read .env here too (real variables win), so its values are checked before anything starts.
    if (existsSync('.env')) process.loadEnvFile('.env');
    validateEnvironment(process.env);
  } catch (err) {
    if (err instanceof ConfigurationError) {
      process.stderr.write(`[${processName}] ${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}
