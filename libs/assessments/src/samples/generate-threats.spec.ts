import { CRIME_AREAS } from '@app/common';
import { validateThreats } from '../parsing/validate-threats';
import { generateThreats, SAMPLE_CAPABILITIES, SAMPLE_REGIONS, threatsToCsv } from './generate-threats';

describe('generateThreats', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateThreats(50, 123)).toEqual(generateThreats(50, 123));
    expect(generateThreats(50, 123)).not.toEqual(generateThreats(50, 124));
  });

  it('produces unique, padded refs and valid threats', () => {
    const threats = generateThreats(2000, 5);
    expect(threats[0].ref).toBe('T-GEN-000001');
    expect(threats[1999].ref).toBe('T-GEN-002000');
    expect(new Set(threats.map((t) => t.ref)).size).toBe(2000);
    expect(validateThreats(threats, { capabilities: SAMPLE_CAPABILITIES }).threats).toEqual(threats);
  });

  it('covers every crime area, region and capability used for routing', () => {
    const threats = generateThreats(2000, 5);
    expect(new Set(threats.map((t) => t.crimeArea))).toEqual(new Set(CRIME_AREAS));
    expect(new Set(threats.flatMap((t) => t.regions))).toEqual(new Set(SAMPLE_REGIONS));
    const used = new Set(threats.flatMap((t) => t.recommendedActions.map((a) => a.capability)));
    for (const c of used) expect(SAMPLE_CAPABILITIES).toContain(c);
    expect(threats.some((t) => t.recommendedActions.length === 0)).toBe(true);
  });

  it('writes a header plus one CSV line per threat', () => {
    const csv = threatsToCsv(generateThreats(3, 1));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0].startsWith('ref,title,description,crimeArea,harm.physical')).toBe(true);
  });

  it('rejects a bad n', () => {
    expect(() => generateThreats(-1)).toThrow();
    expect(generateThreats(0)).toEqual([]);
  });
});
