import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { UnprocessableError } from '@app/common';

const DEFAULT_CAPABILITIES = [
  'enforcement',
  'financial-investigation',
  'border-control',
  'cyber',
  'safeguarding',
  'prevention-education',
  'regulatory-licensing',
  'intelligence-collection',
  'victim-support',
];

/** The capabilities vocabulary from config/capabilities.json (CAPABILITIES_PATH overrides). */
@Injectable()
export class CapabilityVocabulary {
  readonly capabilities: readonly string[];

  constructor() {
    const path = resolve(process.env.CAPABILITIES_PATH ?? 'config/capabilities.json');
    let list = DEFAULT_CAPABILITIES;
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as { capabilities?: unknown };
      if (Array.isArray(parsed.capabilities) && parsed.capabilities.every((c) => typeof c === 'string')) {
        list = parsed.capabilities as string[];
      } else {
        throw new Error(`${path}: "capabilities" must be a list of strings`);
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    this.capabilities = list;
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
