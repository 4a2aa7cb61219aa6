import { CLASSIFICATIONS, CONFIDENCES, CRIME_AREAS, HARM_DIMENSIONS, TRENDS } from '@app/common';
import type { CrimeArea, HarmDimension, RecommendedAction, Strand, ThreatInput } from '@app/common';

export { threatsToCsv, threatsToXlsx, threatToFlatRow } from '../parsing/write-threats';

export const SAMPLE_REGIONS = ['ENG-NW', 'ENG-NE', 'ENG-LON', 'ENG-SE', 'ENG-MID', 'ENG-SW', 'SCO-N', 'SCO-S', 'WAL', 'NI', 'national'] as const;

/** The default capabilities vocabulary (PRODUCT.md); the canonical copy lives in config/. */
export const SAMPLE_CAPABILITIES = [
  'enforcement',
  'financial-investigation',
  'border-control',
  'cyber',
  'safeguarding',
  'prevention-education',
  'regulatory-licensing',
  'intelligence-collection',
  'victim-support',
] as const;

/** mulberry32: tiny, fast and identical on every platform, which Math.random is not. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface AreaProfile {
  /** Typical harm per dimension (physical, psychological, financial, community, environmental). */
  harm: [number, number, number, number, number];
  subjects: string[];
  places: string[];
  gaps: string[];
  actions: Array<[Strand, string, string]>;
}

const PROFILES: Record<CrimeArea, AreaProfile> = {
  csea: {
    harm: [4, 5, 1, 3, 0],
    subjects: ['Online grooming of children via gaming platforms', 'Live-streamed child sexual abuse commissioned from the UK', 'Sextortion of teenage boys by overseas networks', 'Sharing of indecent images on encrypted forums'],
    places: ['through social media', 'on end-to-end encrypted apps', 'via pay-per-view streaming', 'through peer-to-peer forums'],
    gaps: ['Identity of UK-based commissioning offenders', 'Scale of victims not yet identified', 'Payment routes used for commissioned abuse'],
    actions: [['pursue', 'cyber', 'Identify and arrest UK-based offenders from referrals'], ['protect', 'safeguarding', 'Safeguard identified children and refer to support'], ['prevent', 'prevention-education', 'Deliver online safety sessions in secondary schools']],
  },
  drugs: {
    harm: [4, 3, 2, 4, 1],
    subjects: ['County lines supply of crack cocaine and heroin', 'Cocaine importation through container ports', 'Cannabis factories in rented residential property', 'Synthetic opioid (nitazene) supply'],
    places: ['into coastal towns', 'through the port of Felixstowe', 'across commuter towns', 'from urban hubs into rural markets'],
    gaps: ['Controllers of the deal lines', 'Links between importers and street supply', 'Location of storage addresses'],
    actions: [['pursue', 'enforcement', 'Execute warrants at trap houses and close deal lines'], ['protect', 'safeguarding', 'Safeguard children exploited as runners'], ['prevent', 'prevention-education', 'Youth diversion referrals for at-risk young people']],
  },
  firearms: {
    harm: [5, 4, 1, 4, 0],
    subjects: ['Supply of converted blank-firing pistols', 'Reactivated and antique-calibre firearms in criminal hands', 'Armourer supplying urban street gangs', 'Illegal importation of firearm parts by post'],
    places: ['to urban street gangs', 'through parcel hubs', 'from continental Europe', 'across rival drug markets'],
    gaps: ['Source of converted weapons', 'Identity of the armourer', 'Routes used for parts importation'],
    actions: [['pursue', 'enforcement', 'Target the armourer and recover weapons'], ['pursue', 'border-control', 'Intercept firearm parts at parcel hubs'], ['prevent', 'prevention-education', 'Gun crime awareness with community groups']],
  },
  fraud: {
    harm: [0, 3, 5, 2, 0],
    subjects: ['Courier fraud targeting elderly victims', 'Investment fraud run from overseas call centres', 'Romance fraud by organised networks', 'Payment diversion fraud against small businesses'],
    places: ['against elderly residents', 'through cloned bank websites', 'via social media advertising', 'against small firms'],
    gaps: ['Location of call centres', 'Money mule accounts receiving funds', 'Links to other organised crime groups'],
    actions: [['pursue', 'financial-investigation', 'Trace and restrain proceeds held in mule accounts'], ['protect', 'victim-support', 'Contact and support repeat victims'], ['protect', 'prevention-education', 'Run a public awareness campaign with banks']],
  },
  'money-laundering': {
    harm: [0, 1, 5, 3, 0],
    subjects: ['Laundering of cash through high-street businesses', 'Trade-based money laundering through used-car exports', 'Professional enablers forming shell companies', 'Cryptoasset laundering for drug networks'],
    places: ['through cash-intensive businesses', 'through company formation agents', 'through cryptoasset exchanges', 'via informal value transfer'],
    gaps: ['Beneficial owners behind the companies', 'Volume of cash moved', 'Complicit professionals'],
    actions: [['pursue', 'financial-investigation', 'Seek account freezing orders and unexplained wealth orders'], ['protect', 'regulatory-licensing', 'Review licensing of the businesses concerned'], ['prevent', 'regulatory-licensing', 'Supervisory visits to high-risk professionals']],
  },
  'bribery-corruption': {
    harm: [1, 1, 4, 3, 0],
    subjects: ['Corrupt insiders at ports and airports', 'Bribery of local officials over licences', 'Corruption of prison staff to smuggle phones', 'Insiders selling police data to crime groups'],
    places: ['at container terminals', 'in local licensing', 'in prisons', 'in public bodies'],
    gaps: ['Number of corrupted insiders', 'How insiders are recruited', 'Payments made to insiders'],
    actions: [['pursue', 'enforcement', 'Investigate identified corrupt insiders'], ['protect', 'regulatory-licensing', 'Strengthen vetting of staff in sensitive roles'], ['prepare', 'intelligence-collection', 'Set up a confidential insider-reporting line']],
  },
  'organised-immigration-crime': {
    harm: [4, 4, 2, 2, 1],
    subjects: ['Small-boat crossings organised by smuggling networks', 'Clandestine entry in heavy goods vehicles', 'Facilitation with forged documents', 'Sham marriage facilitation'],
    places: ['across the Channel', 'through ferry ports', 'through regional airports', 'through registry offices'],
    gaps: ['Supply of boats and engines', 'UK-based facilitators', 'Payment flows through hawala'],
    actions: [['pursue', 'border-control', 'Disrupt facilitators and seize boats and engines'], ['pursue', 'financial-investigation', 'Target the payment networks'], ['protect', 'safeguarding', 'Screen arrivals for trafficking indicators']],
  },
  'modern-slavery-human-trafficking': {
    harm: [4, 5, 3, 3, 0],
    subjects: ['Labour exploitation in hand car washes', 'Sexual exploitation in pop-up brothels', 'Forced labour in agriculture and food processing', 'Criminal exploitation in nail bars'],
    places: ['in hand car washes', 'in short-let flats', 'on farms and packing houses', 'in nail bars'],
    gaps: ['Identity of controllers', 'Number of victims', 'Recruitment routes from overseas'],
    actions: [['protect', 'victim-support', 'Identify victims and refer to the National Referral Mechanism'], ['pursue', 'enforcement', 'Joint visits to premises with labour inspectors'], ['prevent', 'regulatory-licensing', 'Licensing checks on labour providers']],
  },
  'cyber-crime': {
    harm: [1, 3, 5, 3, 0],
    subjects: ['Ransomware attacks on the NHS and local councils', 'Business email compromise', 'Malware-as-a-service sold to UK customers', 'Account takeover using stolen credentials'],
    places: ['against public services', 'against small businesses', 'through dark-web markets', 'through phishing kits'],
    gaps: ['Affiliates operating in the UK', 'Initial access brokers used', 'Cryptocurrency wallets receiving ransoms'],
    actions: [['pursue', 'cyber', 'Identify affiliates and disrupt infrastructure'], ['protect', 'cyber', 'Issue alerts and protective advice to targeted sectors'], ['prepare', 'cyber', 'Exercise incident response with public bodies']],
  },
  'environmental-crime': {
    harm: [2, 1, 3, 4, 5],
    subjects: ['Illegal waste dumping and large-scale fly-tipping', 'Waste sites operating without permits', 'Illegal export of waste', 'Wildlife crime and illegal trade in protected species'],
    places: ['on rural farmland', 'at unlicensed sites', 'through container ports', 'through online marketplaces'],
    gaps: ['Brokers arranging illegal disposal', 'Links to other criminality', 'Volume of waste diverted'],
    actions: [['pursue', 'regulatory-licensing', 'Enforcement against illegal waste sites'], ['pursue', 'financial-investigation', 'Confiscate profits from illegal waste'], ['prevent', 'regulatory-licensing', 'Duty-of-care checks on waste carriers']],
  },
  other: {
    harm: [2, 2, 3, 3, 1],
    subjects: ['Organised acquisitive crime targeting farm machinery', 'Metal theft from railway and utilities', 'Illicit tobacco and alcohol distribution', 'Organised vehicle crime'],
    places: ['in rural areas', 'along rail lines', 'through independent shops', 'through chop shops'],
    gaps: ['Export routes for stolen goods', 'Fences receiving stolen goods', 'Group structure'],
    actions: [['pursue', 'enforcement', 'Target the receivers of stolen goods'], ['protect', 'prevention-education', 'Crime prevention advice to affected businesses'], ['pursue', 'border-control', 'Check outbound containers at ports']],
  },
};

/**
 * Deterministic, realistic-looking threats for tests, samples and the 10,000-row benchmark: the same
 * (n, seed) always gives the same list, and every threat passes validation with SAMPLE_CAPABILITIES.
 */
export function generateThreats(n: number, seed = 1): ThreatInput[] {
  if (!Number.isInteger(n) || n < 0) throw new Error('n must be a non-negative integer');
  const random = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
    return out;
  };

  const threats: ThreatInput[] = [];
  for (let i = 1; i <= n; i++) {
    const crimeArea = pick(CRIME_AREAS);
    const profile = PROFILES[crimeArea];
    const harm = Object.fromEntries(
      HARM_DIMENSIONS.map((d, k) => [d, Math.max(0, Math.min(5, profile.harm[k] + int(-2, 1)))]),
    ) as Record<HarmDimension, number>;
    const subject = pick(profile.subjects);
    const place = pick(profile.places);
    const regions = random() < 0.12 ? ['national'] : sample(SAMPLE_REGIONS.slice(0, -1), int(1, 3));
    const actions: RecommendedAction[] = sample(profile.actions, random() < 0.15 ? 0 : int(1, 3)).map(([strand, capability, description]) => ({
      strand,
      capability,
      description,
      ...(random() < 0.6 ? { dueInDays: pick([14, 30, 60, 90, 180]) } : {}),
    }));
    threats.push({
      ref: `T-GEN-${String(i).padStart(6, '0')}`,
      title: `${subject} ${place}`,
      description:
        `${subject} ${place}, reported by ${pick(['regional organised crime units', 'partner agencies', 'HMRC', 'local authorities', 'Border Force', 'the NCA'])}. ` +
        `Assessed as ${pick(['an established', 'an emerging', 'a persistent', 'a shifting'])} threat; "${crimeArea}" intelligence suggests ${int(2, 40)} linked nominals.`,
      crimeArea,
      harm,
      likelihood: int(1, 5),
      confidence: pick(CONFIDENCES),
      trend: pick(TRENDS),
      regions,
      classification: pick(CLASSIFICATIONS),
      intelligenceGaps: sample(profile.gaps, int(0, 2)),
      recommendedActions: actions,
    });
  }
  return threats;
}
