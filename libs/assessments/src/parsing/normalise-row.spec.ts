import { ASSESSMENT_COLUMNS, checkColumns, columnForField, normaliseRow } from './normalise-row';

describe('ASSESSMENT_COLUMNS', () => {
  it('lists the contract layout: 15 fields then 5 × 4 action columns', () => {
    expect(ASSESSMENT_COLUMNS.slice(0, 15)).toEqual([
      'ref', 'title', 'description', 'crimeArea',
      'harm.physical', 'harm.psychological', 'harm.financial', 'harm.community', 'harm.environmental',
      'likelihood', 'confidence', 'trend', 'regions', 'classification', 'intelligenceGaps',
    ]);
    expect(ASSESSMENT_COLUMNS.slice(15, 19)).toEqual(['action1Strand', 'action1Capability', 'action1Description', 'action1DueInDays']);
    expect(ASSESSMENT_COLUMNS).toHaveLength(15 + 20);
    expect(ASSESSMENT_COLUMNS.at(-1)).toBe('action5DueInDays');
  });
});

describe('normaliseRow', () => {
  it('nests a flat CSV row into the JSON shape', () => {
    const { threat, actionSlots } = normaliseRow({
      ref: ' T-1 ',
      title: 'Title',
      description: '',
      crimeArea: 'drugs',
      'harm.physical': '4',
      'harm.psychological': ' 3 ',
      'harm.financial': '2.0',
      'harm.community': 'high',
      'harm.environmental': '',
      likelihood: '5',
      confidence: 'low',
      trend: 'stable',
      regions: 'ENG-NW; WAL;;',
      classification: 'OFFICIAL',
      intelligenceGaps: 'Who; Where',
      action1Strand: '',
      action1Capability: '',
      action1Description: '',
      action1DueInDays: '',
      action2Strand: 'pursue',
      action2Capability: 'enforcement',
      action2Description: 'Do it',
      action2DueInDays: '30',
      action3Strand: 'protect',
      action3Description: 'Protect them',
    });
    expect(threat).toEqual({
      ref: 'T-1',
      title: 'Title',
      crimeArea: 'drugs',
      harm: { physical: 4, psychological: 3, financial: 2, community: 'high' },
      likelihood: 5,
      confidence: 'low',
      trend: 'stable',
      regions: ['ENG-NW', 'WAL'],
      classification: 'OFFICIAL',
      intelligenceGaps: ['Who', 'Where'],
      recommendedActions: [
        { strand: 'pursue', capability: 'enforcement', description: 'Do it', dueInDays: 30 },
        { strand: 'protect', description: 'Protect them' },
      ],
    });
    expect(actionSlots).toEqual([2, 3]);
  });

  it('reads XLSX-typed cells: numbers stay numbers, a numeric ref becomes text', () => {
    const { threat } = normaliseRow({ ref: 1234, title: true, likelihood: 3, regions: 42, 'harm.physical': 2 });
    expect(threat).toMatchObject({ ref: '1234', title: 'true', likelihood: 3, regions: ['42'], harm: { physical: 2 } });
  });

  it('matches column names case-insensitively', () => {
    const { threat } = normaliseRow({ Ref: 'T-1', 'HARM.PHYSICAL': '1', Action1Strand: 'pursue' });
    expect(threat).toMatchObject({ ref: 'T-1', harm: { physical: 1 }, recommendedActions: [{ strand: 'pursue' }] });
  });
});

describe('checkColumns', () => {
  it('accepts the template columns in any order and case', () => {
    expect(checkColumns([...ASSESSMENT_COLUMNS].reverse())).toEqual([]);
    expect(checkColumns(['REF', 'Title'])).toEqual([]);
  });

  it('reports each unknown column once, with a suggestion when close, and case-insensitive repeats', () => {
    const errors = checkColumns(['ref', 'harm.phyiscal', 'notes', 'Ref']);
    expect(errors).toEqual([
      { field: 'harm.phyiscal', value: 'harm.phyiscal', message: expect.stringMatching(/^unknown column \(did you mean "harm.physical"\?\); expected columns: ref, title/) },
      { field: 'notes', value: 'notes', message: expect.stringMatching(/^unknown column; expected columns/) },
      { field: 'Ref', value: 'Ref', message: 'repeats column "ref"' },
    ]);
    expect(errors.every((e) => e.row === undefined)).toBe(true);
  });
});

describe('columnForField', () => {
  it('maps action paths back to the action slot columns and leaves others alone', () => {
    expect(columnForField('recommendedActions[1].strand', [2, 4])).toBe('action4Strand');
    expect(columnForField('recommendedActions[0].dueInDays', [2, 4])).toBe('action2DueInDays');
    expect(columnForField('recommendedActions[0]', [3])).toBe('action3');
    expect(columnForField('harm.physical', [])).toBe('harm.physical');
    expect(columnForField('regions[2]', [])).toBe('regions[2]');
  });
});
