import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { UnprocessableError } from '@app/common';

/**
 * The capabilities vocabulary from config/capabilities.json (CAPABILITIES_PATH overrides): the one list
 * that organisations, recommended actions and playbooks are checked against. A missing or broken file
 * stops start-up rather than silently accepting anything.
 */
@Injectable()
export class CapabilityVocabulary {
  readonly capabilities: readonly string[];

  constructor() {
    const path = resolve(process.env.CAPABILITIES_PATH ?? 'config/capabilities.json');
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { capabilities?: unknown };
    if (!Array.isArray(parsed.capabilities) || !parsed.capabilities.every((c) => typeof c === 'string' && c.length > 0)) {
      throw new Error(`${path}: "capabilities" must be a list of non-empty strings`);
    }
    this.capabilities = parsed.capabilities as string[];
  }

  assertKnown(capabilities: string[]): void {
    const unknown = capabilities.filter((c) => !this.capabilities.includes(c));
    if (unknown.length) {
      throw new UnprocessableError(
        `Unknown capabilities: ${unknown.join(', ')}`,
        unknown.map((c) => ({ field: 'capabilities', value: c, message: `must be one of: ${this.capabilities.join(', ')}` })),
      );
    }
  }
}
