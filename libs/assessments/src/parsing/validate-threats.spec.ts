import { UnprocessableError } from '@app/common';
import type { FieldError } from '@app/common';
import { generateThreats, SAMPLE_CAPABILITIES } from '../samples/generate-threats';
import { checkThreats, validateThreats } from './validate-threats';

const opts = { capabilities: SAMPLE_CAPABILITIES };

const good = () => ({
  ref: 'T-DRG-01',
  title: 'County lines into coastal towns',
  description: 'Deal lines run from the cities.',
  crimeArea: 'drugs',
  harm: { physical: 4, psychological: 4, financial: 2, community: 4, environmental: 0 },
  likelihood: 5,
  confidence: 'high',
  trend: 'increasing',
  regions: ['ENG-NW', 'WAL'],
  classification: 'OFFICIAL-SENSITIVE',
  intelligenceGaps: ['Controllers of the lines'],
  recommendedActions: [{ strand: 'pursue', capability: 'enforcement', description: 'Close the lines', dueInDays: 30 }],
});

const errorsOf = (rows: unknown[]): FieldError[] => checkThreats(rows, opts).errors;
const only = (mutate: (t: any) => void): FieldError[] => {
  const t: any = good();
  mutate(t);
  return errorsOf([t]);
};

describe('validateThreats', () => {
  it('accepts a valid threat unchanged', () => {
    expect(validateThreats([good()], opts)).toEqual({ threats: [good()] });
  });

  it('accepts 1,000 generated threats', () => {
    const threats = generateThreats(1000, 7);
    expect(validateThreats(threats, opts).threats).toEqual(threats);
  });

  it('trims, matches enums case-insensitively, lower-cases national, drops repeated regions, defaults optional fields', () => {
    const t: any = {
      ...good(),
      ref: '  T-DRG-01 ',
      title: '  Title  ',
      crimeArea: 'Drugs',
      confidence: 'HIGH',
      trend: 'Increasing',
      classification: 'official-sensitive',
      regions: [' ENG-NW', 'National', 'ENG-NW'],
      recommendedActions: [{ strand: 'Pursue', capability: 'Enforcement', description: ' Close ' }],
    };
    delete t.description;
    delete t.intelligenceGaps;
    const [threat] = validateThreats([t], opts).threats;
    expect(threat).toMatchObject({
      ref: 'T-DRG-01',
      title: 'Title',
      description: '',
      crimeArea: 'drugs',
      confidence: 'high',
      trend: 'increasing',
      classification: 'OFFICIAL-SENSITIVE',
      regions: ['ENG-NW', 'national'],
      intelligenceGaps: [],
      recommendedActions: [{ strand: 'pursue', capability: 'enforcement', description: 'Close' }],
    });
    expect(threat.recommendedActions[0]).not.toHaveProperty('dueInDays');
  });

  it('answers 422 "no threats" for an empty list', () => {
    expect(() => validateThreats([], opts)).toThrow(UnprocessableError);
    expect(() => validateThreats([], opts)).toThrow(/no threats/);
  });

  it.each<[string, (t: any) => void, Partial<FieldError>]>([
    ['missing ref', (t) => delete t.ref, { field: 'ref', message: expect.stringMatching(/^required/) }],
    ['bad ref pattern', (t) => (t.ref = '-bad ref'), { field: 'ref', value: '-bad ref' }],
    ['too long ref', (t) => (t.ref = 'A'.repeat(65)), { field: 'ref' }],
    ['numeric ref in JSON', (t) => (t.ref = 12), { field: 'ref', value: 12 }],
    ['empty title', (t) => (t.title = '   '), { field: 'title', message: expect.stringMatching(/1 to 200 characters/) }],
    ['long title', (t) => (t.title = 'x'.repeat(201)), { field: 'title', message: expect.stringMatching(/got 201/) }],
    ['long description', (t) => (t.description = 'x'.repeat(5001)), { field: 'description' }],
    ['unknown crime area', (t) => (t.crimeArea = 'piracy'), { field: 'crimeArea', value: 'piracy', message: expect.stringMatching(/one of csea, drugs/) }],
    ['missing harm', (t) => delete t.harm, { field: 'harm' }],
    ['harm not an object', (t) => (t.harm = 3), { field: 'harm', value: 3 }],
    ['missing harm dimension', (t) => delete t.harm.community, { field: 'harm.community', message: expect.stringMatching(/required; expected an integer from 0 to 5/) }],
    ['harm out of range', (t) => (t.harm.physical = 6), { field: 'harm.physical', value: 6 }],
    ['fractional harm', (t) => (t.harm.financial = 2.5), { field: 'harm.financial', value: 2.5 }],
    ['harm as a string in JSON', (t) => (t.harm.financial = '2'), { field: 'harm.financial', value: '2' }],
    ['unknown harm dimension', (t) => (t.harm.reputational = 1), { field: 'harm.reputational' }],
    ['likelihood 0', (t) => (t.likelihood = 0), { field: 'likelihood', message: 'expected an integer from 1 to 5' }],
    ['bad confidence', (t) => (t.confidence = 'certain'), { field: 'confidence' }],
    ['bad trend', (t) => (t.trend = 'up'), { field: 'trend' }],
    ['bad classification', (t) => (t.classification = 'TOP SECRET'), { field: 'classification' }],
    ['empty regions', (t) => (t.regions = []), { field: 'regions', message: expect.stringMatching(/at least one/) }],
    ['regions as a string in JSON', (t) => (t.regions = 'ENG-NW'), { field: 'regions', message: 'expected a list' }],
    ['bad region code', (t) => (t.regions = ['ENG-NW', 'ENG NW']), { field: 'regions[1]', value: 'ENG NW' }],
    ['too many regions', (t) => (t.regions = Array.from({ length: 51 }, (_v, i) => `R${i}`)), { field: 'regions', value: 51 }],
    ['empty gap', (t) => (t.intelligenceGaps = ['ok', ' ']), { field: 'intelligenceGaps[1]' }],
    ['too many gaps', (t) => (t.intelligenceGaps = Array.from({ length: 51 }, () => 'g')), { field: 'intelligenceGaps' }],
    ['too many actions', (t) => (t.recommendedActions = Array.from({ length: 6 }, () => t.recommendedActions[0])), { field: 'recommendedActions', value: 6 }],
    ['bad strand', (t) => (t.recommendedActions[0].strand = 'pounce'), { field: 'recommendedActions[0].strand' }],
    ['unknown capability', (t) => (t.recommendedActions[0].capability = 'psychic'), { field: 'recommendedActions[0].capability', message: expect.stringMatching(/enforcement, financial-investigation/) }],
    ['empty action description', (t) => (t.recommendedActions[0].description = ''), { field: 'recommendedActions[0].description' }],
    ['dueInDays 0', (t) => (t.recommendedActions[0].dueInDays = 0), { field: 'recommendedActions[0].dueInDays', message: 'expected an integer from 1 to 3650' }],
    ['dueInDays too large', (t) => (t.recommendedActions[0].dueInDays = 3651), { field: 'recommendedActions[0].dueInDays' }],
    ['unknown action field', (t) => (t.recommendedActions[0].owner = 'x'), { field: 'recommendedActions[0].owner' }],
    ['action not an object', (t) => (t.recommendedActions = ['do it']), { field: 'recommendedActions[0]' }],
    ['unknown threat field', (t) => (t.score = 99), { field: 'score', message: expect.stringMatching(/unknown field/) }],
  ])('reports %s with row, ref, field and expectation', (_what, mutate, expected) => {
    const errors = only(mutate);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 1, ...expected });
    if (expected.field !== 'ref') expect(errors[0].ref).toBe('T-DRG-01');
  });

  it('reports a non-object row', () => {
    expect(errorsOf([good(), 'nope'])).toEqual([{ row: 2, field: 'threat', value: 'nope', message: 'expected a threat object' }]);
  });

  it('reports a duplicate ref on the later row, naming the first', () => {
    const rows = [good(), { ...good(), ref: 'T-2' }, good()];
    expect(errorsOf(rows)).toEqual([
      { row: 3, ref: 'T-DRG-01', field: 'ref', value: 'T-DRG-01', message: expect.stringMatching(/duplicates the ref of row 1/) },
    ]);
  });

  it('collects every error across every row in one 422', () => {
    const a: any = { ...good(), ref: 'A', likelihood: 9, trend: 'up' };
    const b: any = { ...good(), ref: 'B' };
    const c: any = { ...good(), ref: 'C', harm: { physical: 1 } };
    let thrown: unknown;
    try {
      validateThreats([a, b, c], opts);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(UnprocessableError);
    const err = thrown as UnprocessableError;
    expect(err.status).toBe(422);
    expect(err.message).toMatch(/6 errors in 2 rows/);
    expect(err.errors!.map((e) => `${e.row}:${e.ref}:${e.field}`)).toEqual([
      '1:A:likelihood',
      '1:A:trend',
      '3:C:harm.psychological',
      '3:C:harm.financial',
      '3:C:harm.community',
      '3:C:harm.environmental',
    ]);
  });

  it('cuts long echoed values short', () => {
    const [e] = only((t) => (t.title = 'x'.repeat(5000)));
    expect(String(e.value).length).toBeLessThanOrEqual(201);
  });
});
