import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CRIME_AREAS } from '../common';
import {
  ConfigError,
  loadCapabilities,
  loadPlaybooks,
  loadTaskingConfig,
  parseCapabilities,
  parsePlaybooks,
  parseTaskingConfig,
} from './tasking-config';

const VOCABULARY = [
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

const validTasking = () => ({
  generateForBands: 'P3',
  maxSupporters: 2,
  bands: {
    P1: { defaultDueInDays: 14, acceptWithinHours: 24 },
    P2: { defaultDueInDays: 30, acceptWithinHours: 48 },
    P3: { defaultDueInDays: 60, acceptWithinHours: 72 },
    P4: { defaultDueInDays: 90, acceptWithinHours: 120 },
  },
  intelligenceTask: { dueInDays: 14, description: 'Close the gaps on {title}: {gaps}' },
});

const problemsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
};

describe('the shipped config files', () => {
  // Jest runs from the repository root, as the apps do. Explicit paths, so a *_PATH variable set
  // in the environment cannot make this test check some other file.
  it('load and validate', () => {
    expect(loadCapabilities('config/capabilities.json')).toEqual(VOCABULARY);
    const config = loadTaskingConfig('config/tasking.json');
    expect(config.generateForBands).toBe('P3');
    expect(config.maxSupporters).toBe(2);
    expect(config.intelligenceTask.strand).toBe('pursue');
    const playbooks = loadPlaybooks('config/playbooks.json', VOCABULARY);
    for (const area of CRIME_AREAS) {
      expect(playbooks[area].length).toBeGreaterThanOrEqual(2);
      expect(playbooks[area].length).toBeLessThanOrEqual(4);
    }
  });

  it('give more urgent bands shorter deadlines', () => {
    const { bands } = loadTaskingConfig('config/tasking.json');
    expect(bands.P1.defaultDueInDays).toBeLessThan(bands.P2.defaultDueInDays);
    expect(bands.P2.defaultDueInDays).toBeLessThan(bands.P3.defaultDueInDays);
    expect(bands.P3.defaultDueInDays).toBeLessThan(bands.P4.defaultDueInDays);
    expect(bands.P1.acceptWithinHours).toBeLessThan(bands.P4.acceptWithinHours);
  });
});

describe('paths', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tasking-config-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    process.env = { ...saved };
  });

  it('takes an explicit path first, then the environment variable', () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    writeFileSync(a, JSON.stringify({ capabilities: ['enforcement'] }));
    writeFileSync(b, JSON.stringify({ capabilities: ['cyber'] }));
    process.env.CAPABILITIES_PATH = b;
    expect(loadCapabilities()).toEqual(['cyber']);
    expect(loadCapabilities(a)).toEqual(['enforcement']);
  });

  it('reads TASKING_CONFIG_PATH and PLAYBOOKS_PATH', () => {
    const t = join(dir, 't.json');
    writeFileSync(t, JSON.stringify({ ...validTasking(), generateForBands: 'P1' }));
    process.env.TASKING_CONFIG_PATH = t;
    expect(loadTaskingConfig().generateForBands).toBe('P1');

    const p = join(dir, 'p.json');
    const playbooks = Object.fromEntries(
      CRIME_AREAS.map((a) => [a, [{ strand: 'pursue', capability: 'cyber', description: 'Act on {title}' }]]),
    );
    writeFileSync(p, JSON.stringify({ playbooks }));
    process.env.PLAYBOOKS_PATH = p;
    expect(loadPlaybooks(undefined, ['cyber']).drugs[0].capability).toBe('cyber');
  });

  it('names the file when it is missing or not JSON', () => {
    const missing = join(dir, 'nope.json');
    expect(() => loadTaskingConfig(missing)).toThrow(/nope\.json[\s\S]*cannot read file/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "generateForBands": ');
    expect(() => loadTaskingConfig(broken)).toThrow(/broken\.json[\s\S]*not valid JSON/);
  });
});

describe('parseTaskingConfig', () => {
  it('accepts a valid config and defaults the intelligence strand to pursue', () => {
    const config = parseTaskingConfig(validTasking());
    expect(config.intelligenceTask).toEqual({ strand: 'pursue', dueInDays: 14, description: 'Close the gaps on {title}: {gaps}' });
    expect(config.bands.P4.acceptWithinHours).toBe(120);
  });

  it('ignores $comment keys but rejects unknown keys by name', () => {
    expect(() => parseTaskingConfig({ ...validTasking(), $comment: 'docs' })).not.toThrow();
    expect(problemsOf(() => parseTaskingConfig({ ...validTasking(), generateForBand: 'P2' }))).toEqual([
      expect.stringContaining('generateForBand: unknown key'),
    ]);
  });

  it('reports every bad key together, each by its path', () => {
    const raw = validTasking() as Record<string, unknown>;
    raw.generateForBands = 'P5';
    raw.maxSupporters = -1;
    (raw.bands as Record<string, unknown>).P2 = { defaultDueInDays: 0, acceptWithinHours: 1.5 };
    delete (raw.bands as Record<string, unknown>).P4;
    raw.intelligenceTask = { strand: 'punish', dueInDays: 14, description: 'Look at {titel}' };
    const problems = problemsOf(() => parseTaskingConfig(raw));
    expect(problems).toEqual([
      expect.stringContaining('generateForBands must be one of P1, P2, P3, P4 (got "P5")'),
      expect.stringContaining('maxSupporters must be an integer >= 0 (got -1)'),
      expect.stringContaining('bands.P2.defaultDueInDays must be an integer >= 1 (got 0)'),
      expect.stringContaining('bands.P2.acceptWithinHours must be an integer >= 1 (got 1.5)'),
      expect.stringContaining('bands.P4 must be an object'),
      expect.stringContaining('intelligenceTask.strand must be one of pursue, prevent, protect, prepare (got "punish")'),
      expect.stringContaining('intelligenceTask.description uses unknown placeholder(s) {titel}'),
    ]);
  });

  it('rejects a non-object file', () => {
    expect(problemsOf(() => parseTaskingConfig([]))).toEqual(['the file must hold a JSON object']);
  });
});

describe('parseCapabilities', () => {
  it('rejects empty lists, duplicates and non kebab-case names', () => {
    expect(problemsOf(() => parseCapabilities({ capabilities: [] }))[0]).toMatch(/capabilities must be a non-empty array/);
    expect(problemsOf(() => parseCapabilities({ capabilities: ['cyber', 'cyber', 'Border Control', 3] }))).toEqual([
      'capabilities[1] "cyber" is listed twice',
      'capabilities[2] must be a lower-case kebab-case string (got "Border Control")',
      'capabilities[3] must be a lower-case kebab-case string (got 3)',
    ]);
  });
});

describe('parsePlaybooks', () => {
  const full = () =>
    Object.fromEntries(
      CRIME_AREAS.map((a) => [a, [{ strand: 'pursue', capability: 'enforcement', description: 'Disrupt {title}' }]]),
    ) as Record<string, unknown>;

  it('rejects a capability outside the vocabulary, naming the entry', () => {
    const books = full();
    books.drugs = [
      { strand: 'pursue', capability: 'enforcement', description: 'Disrupt {title}' },
      { strand: 'prevent', capability: 'schools', description: 'Educate' },
    ];
    const problems = problemsOf(() => parsePlaybooks({ playbooks: books }, VOCABULARY));
    expect(problems).toEqual([expect.stringMatching(/^playbooks\.drugs\[1\]\.capability "schools" is not in the capabilities vocabulary/)]);
  });

  it('requires every crime area, and no unknown ones', () => {
    const books = full();
    delete books.fraud;
    books.piracy = [];
    const problems = problemsOf(() => parsePlaybooks({ playbooks: books }, VOCABULARY));
    expect(problems).toEqual([
      expect.stringContaining('playbooks.piracy: unknown key'),
      expect.stringContaining('playbooks.fraud must be a non-empty array of actions'),
    ]);
  });

  it('checks strand, description placeholders and dueInDays of each action', () => {
    const books = full();
    books.csea = [{ strand: 'pursuit', capability: 'enforcement', description: '{victim}', dueInDays: 0, owner: 'x' }];
    const problems = problemsOf(() => parsePlaybooks({ playbooks: books }, VOCABULARY));
    expect(problems).toEqual([
      expect.stringContaining('playbooks.csea[0].owner: unknown key'),
      expect.stringContaining('playbooks.csea[0].strand must be one of'),
      expect.stringContaining('playbooks.csea[0].description uses unknown placeholder(s) {victim}'),
      expect.stringContaining('playbooks.csea[0].dueInDays must be an integer >= 1 (got 0)'),
    ]);
  });

  it('keeps dueInDays only when given', () => {
    const books = full();
    books.csea = [{ strand: 'protect', capability: 'safeguarding', description: 'Safeguard', dueInDays: 7 }];
    const parsed = parsePlaybooks({ playbooks: books }, VOCABULARY);
    expect(parsed.csea[0]).toEqual({ strand: 'protect', capability: 'safeguarding', description: 'Safeguard', dueInDays: 7 });
    expect('dueInDays' in parsed.drugs[0]).toBe(false);
  });
});
