import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BANDS, CRIME_AREAS, STRANDS } from '../common';
import type { Band, CrimeArea, Strand } from '../common';
import { TEMPLATE_PLACEHOLDERS, unknownPlaceholders } from '../planning/template';

// Tasking, playbooks and the capability vocabulary live in config/ (PRODUCT.md) so the Taskforce can
// change them without a release. They are read once at start-up by the caller; every problem is
// reported with the file and the exact key so a bad edit is fixed in one go, not by trial and error.

export interface BandTaskingRule {
  /** Due date of a task when its action gives no dueInDays. */
  defaultDueInDays: number;
  /** Acceptance SLA: hours the lead partner has to accept once the task is issued. */
  acceptWithinHours: number;
}

export interface IntelligenceTaskRule {
  /** Intelligence collection feeds investigation, so it defaults to 'pursue'. */
  strand: Strand;
  dueInDays: number;
  /** Template: {title}, {ref}, {regions}, {gaps}. */
  description: string;
}

export interface TaskingConfig {
  /** Threshold: tasks are generated for threats whose effective band is this one or more urgent. */
  generateForBands: Band;
  maxSupporters: number;
  bands: Record<Band, BandTaskingRule>;
  intelligenceTask: IntelligenceTaskRule;
}

export interface PlaybookAction {
  strand: Strand;
  capability: string;
  /** Template: {title}, {ref}, {regions}, {gaps}. */
  description: string;
  dueInDays?: number;
}

export type Playbooks = Record<CrimeArea, PlaybookAction[]>;

export const DEFAULT_TASKING_CONFIG_PATH = 'config/tasking.json';
export const DEFAULT_PLAYBOOKS_PATH = 'config/playbooks.json';
export const DEFAULT_CAPABILITIES_PATH = 'config/capabilities.json';

/** A configuration file is missing, unparseable or breaks a rule. Fatal at start-up. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid configuration in ${source}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

// ---------------------------------------------------------------------------------------------
// Loading

/** Explicit argument first, then the environment variable, then config/… under the working directory. */
function resolvePath(explicit: string | undefined, envName: string, fallback: string): string {
  const chosen = explicit ?? (process.env[envName] || undefined) ?? fallback;
  return resolve(process.cwd(), chosen);
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(path, [`cannot read file: ${(err as Error).message}`]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ConfigError(path, [`not valid JSON: ${(err as Error).message}`]);
  }
}

/** Reads config/tasking.json (or TASKING_CONFIG_PATH). */
export function loadTaskingConfig(path?: string): TaskingConfig {
  const file = resolvePath(path, 'TASKING_CONFIG_PATH', DEFAULT_TASKING_CONFIG_PATH);
  return parseTaskingConfig(readJson(file), file);
}

/** Reads config/capabilities.json (or CAPABILITIES_PATH). */
export function loadCapabilities(path?: string): string[] {
  const file = resolvePath(path, 'CAPABILITIES_PATH', DEFAULT_CAPABILITIES_PATH);
  return parseCapabilities(readJson(file), file);
}

/**
 * Reads config/playbooks.json (or PLAYBOOKS_PATH). Capabilities are checked against `capabilities`,
 * or against loadCapabilities() when not given, so a playbook can never ask for a capability no
 * organisation can declare.
 */
export function loadPlaybooks(path?: string, capabilities?: readonly string[]): Playbooks {
  const file = resolvePath(path, 'PLAYBOOKS_PATH', DEFAULT_PLAYBOOKS_PATH);
  return parsePlaybooks(readJson(file), capabilities ?? loadCapabilities(), file);
}

// ---------------------------------------------------------------------------------------------
// Validation: collects every problem, then throws once.

type Problems = string[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));
const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;

/** Keys starting with `$` (e.g. "$comment") are documentation and ignored; any other unknown key is a typo. */
function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], at: string, problems: Problems): void {
  for (const key of Object.keys(obj)) {
    if (!key.startsWith('$') && !allowed.includes(key)) {
      problems.push(`${at ? `${at}.` : ''}${key}: unknown key (allowed: ${allowed.join(', ')})`);
    }
  }
}

function positiveInt(obj: Record<string, unknown>, key: string, at: string, problems: Problems): number {
  const v = obj[key];
  if (!isPositiveInt(v)) problems.push(`${at}.${key} must be an integer >= 1 (got ${show(v)})`);
  return v as number;
}

function template(obj: Record<string, unknown>, key: string, at: string, problems: Problems): string {
  const v = obj[key];
  if (typeof v !== 'string' || v.trim() === '') {
    problems.push(`${at}.${key} must be a non-empty string (got ${show(v)})`);
    return '';
  }
  const unknown = unknownPlaceholders(v);
  if (unknown.length) {
    problems.push(
      `${at}.${key} uses unknown placeholder(s) ${unknown.map((u) => `{${u}}`).join(', ')} ` +
        `(allowed: ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`,
    );
  }
  return v;
}

function strand(v: unknown, at: string, problems: Problems): Strand {
  if (!(STRANDS as readonly unknown[]).includes(v)) problems.push(`${at} must be one of ${STRANDS.join(', ')} (got ${show(v)})`);
  return v as Strand;
}

export function parseTaskingConfig(raw: unknown, source = DEFAULT_TASKING_CONFIG_PATH): TaskingConfig {
  const problems: Problems = [];
  if (!isObject(raw)) throw new ConfigError(source, ['the file must hold a JSON object']);
  checkKeys(raw, ['generateForBands', 'maxSupporters', 'bands', 'intelligenceTask'], '', problems);

  if (!(BANDS as readonly unknown[]).includes(raw.generateForBands)) {
    problems.push(`generateForBands must be one of ${BANDS.join(', ')} (got ${show(raw.generateForBands)})`);
  }
  const maxSupporters = raw.maxSupporters;
  if (typeof maxSupporters !== 'number' || !Number.isInteger(maxSupporters) || maxSupporters < 0) {
    problems.push(`maxSupporters must be an integer >= 0 (got ${show(maxSupporters)})`);
  }

  const bands = {} as Record<Band, BandTaskingRule>;
  if (!isObject(raw.bands)) {
    problems.push(`bands must be an object with keys ${BANDS.join(', ')} (got ${show(raw.bands)})`);
  } else {
    checkKeys(raw.bands, BANDS, 'bands', problems);
    for (const band of BANDS) {
      const rule = raw.bands[band];
      const at = `bands.${band}`;
      if (!isObject(rule)) {
        problems.push(`${at} must be an object { defaultDueInDays, acceptWithinHours } (got ${show(rule)})`);
        continue;
      }
      checkKeys(rule, ['defaultDueInDays', 'acceptWithinHours'], at, problems);
      bands[band] = {
        defaultDueInDays: positiveInt(rule, 'defaultDueInDays', at, problems),
        acceptWithinHours: positiveInt(rule, 'acceptWithinHours', at, problems),
      };
    }
  }

  let intelligenceTask = {} as IntelligenceTaskRule;
  if (!isObject(raw.intelligenceTask)) {
    problems.push(`intelligenceTask must be an object { strand?, dueInDays, description } (got ${show(raw.intelligenceTask)})`);
  } else {
    const it = raw.intelligenceTask;
    checkKeys(it, ['strand', 'dueInDays', 'description'], 'intelligenceTask', problems);
    intelligenceTask = {
      strand: it.strand === undefined ? 'pursue' : strand(it.strand, 'intelligenceTask.strand', problems),
      dueInDays: positiveInt(it, 'dueInDays', 'intelligenceTask', problems),
      description: template(it, 'description', 'intelligenceTask', problems),
    };
  }

  if (problems.length) throw new ConfigError(source, problems);
  return {
    generateForBands: raw.generateForBands as Band,
    maxSupporters: maxSupporters as number,
    bands,
    intelligenceTask,
  };
}

export function parseCapabilities(raw: unknown, source = DEFAULT_CAPABILITIES_PATH): string[] {
  const problems: Problems = [];
  if (!isObject(raw)) throw new ConfigError(source, ['the file must hold a JSON object { "capabilities": [...] }']);
  checkKeys(raw, ['capabilities'], '', problems);
  const list = raw.capabilities;
  if (!Array.isArray(list) || list.length === 0) {
    problems.push(`capabilities must be a non-empty array of strings (got ${show(list)})`);
    throw new ConfigError(source, problems);
  }
  const seen = new Set<string>();
  list.forEach((c: unknown, i) => {
    // Lower-case kebab-case keeps capability matching exact and predictable across CSV, JSON and the UI.
    if (typeof c !== 'string' || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(c)) {
      problems.push(`capabilities[${i}] must be a lower-case kebab-case string (got ${show(c)})`);
    } else if (seen.has(c)) {
      problems.push(`capabilities[${i}] "${c}" is listed twice`);
    } else {
      seen.add(c);
    }
  });
  if (problems.length) throw new ConfigError(source, problems);
  return [...seen];
}

export function parsePlaybooks(
  raw: unknown,
  capabilities: readonly string[],
  source = DEFAULT_PLAYBOOKS_PATH,
): Playbooks {
  const problems: Problems = [];
  if (!isObject(raw)) throw new ConfigError(source, ['the file must hold a JSON object { "playbooks": { ... } }']);
  checkKeys(raw, ['playbooks'], '', problems);
  const books = raw.playbooks;
  if (!isObject(books)) {
    problems.push(`playbooks must be an object keyed by crime area (got ${show(books)})`);
    throw new ConfigError(source, problems);
  }
  checkKeys(books, CRIME_AREAS, 'playbooks', problems);

  const vocabulary = new Set(capabilities);
  const result = {} as Playbooks;
  // Every crime area needs at least one action: otherwise a threat without recommended actions
  // would silently produce no task at all, which is exactly the gap the product exists to close.
  for (const area of CRIME_AREAS) {
    const at = `playbooks.${area}`;
    const list = books[area];
    if (!Array.isArray(list) || list.length === 0) {
      problems.push(`${at} must be a non-empty array of actions (got ${show(list)})`);
      continue;
    }
    result[area] = list.map((entry: unknown, i): PlaybookAction => {
      const here = `${at}[${i}]`;
      if (!isObject(entry)) {
        problems.push(`${here} must be an object { strand, capability, description, dueInDays? } (got ${show(entry)})`);
        return {} as PlaybookAction;
      }
      checkKeys(entry, ['strand', 'capability', 'description', 'dueInDays'], here, problems);
      const action: PlaybookAction = {
        strand: strand(entry.strand, `${here}.strand`, problems),
        capability: entry.capability as string,
        description: template(entry, 'description', here, problems),
      };
      if (typeof entry.capability !== 'string' || !vocabulary.has(entry.capability)) {
        problems.push(
          `${here}.capability ${show(entry.capability)} is not in the capabilities vocabulary (${[...vocabulary].join(', ')})`,
        );
      }
      if (entry.dueInDays !== undefined) action.dueInDays = positiveInt(entry, 'dueInDays', here, problems);
      return action;
    });
  }

  if (problems.length) throw new ConfigError(source, problems);
  return result;
}
