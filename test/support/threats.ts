/** A valid threat row; override fields per test. */
export function threat(ref: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ref,
    title: `Threat ${ref}`,
    description: 'County lines supply of crack cocaine and heroin into coastal towns.',
    crimeArea: 'drugs',
    harm: { physical: 4, psychological: 3, financial: 2, community: 4, environmental: 0 },
    likelihood: 4,
    confidence: 'high',
    trend: 'increasing',
    regions: ['ENG-NW'],
    classification: 'OFFICIAL-SENSITIVE',
    intelligenceGaps: [],
    recommendedActions: [{ strand: 'pursue', capability: 'enforcement', description: 'Disrupt the line holders', dueInDays: 30 }],
    ...over,
  };
}
