import type { Classification } from '@app/common';

/** Demo password for every demo account. Printed by the seed; never seed demo data in production. */
export const DEMO_PASSWORD = 'Demo-Password-2026';

export const DEMO_TASKFORCE = 'Serious Organised Crime Taskforce';

interface DemoPartner {
  name: string;
  capabilities: string[];
  jurisdictions: string[];
  clearance: Classification;
  capacity: number;
  user: string;
}

/** Partner bodies across regions and capabilities, modelled on those the 2018 strategy names. */
export const DEMO_PARTNERS: DemoPartner[] = [
  { name: 'National Crime Agency', capabilities: ['enforcement', 'intelligence-collection', 'cyber', 'financial-investigation', 'border-control'], jurisdictions: ['national'], clearance: 'SECRET', capacity: 80, user: 'duty@nca.example' },
  { name: 'Metropolitan Police Service', capabilities: ['enforcement', 'safeguarding', 'intelligence-collection', 'cyber'], jurisdictions: ['ENG-LON'], clearance: 'SECRET', capacity: 120, user: 'duty@met.example' },
  { name: 'North West Regional Organised Crime Unit', capabilities: ['enforcement', 'intelligence-collection', 'financial-investigation', 'cyber', 'safeguarding'], jurisdictions: ['ENG-NW'], clearance: 'SECRET', capacity: 60, user: 'duty@nwrocu.example' },
  { name: 'Police Scotland', capabilities: ['enforcement', 'safeguarding', 'intelligence-collection', 'cyber'], jurisdictions: ['SCO-N', 'SCO-S'], clearance: 'SECRET', capacity: 100, user: 'duty@scotland.police.example' },
  { name: 'South Wales Police', capabilities: ['enforcement', 'safeguarding', 'intelligence-collection'], jurisdictions: ['WAL'], clearance: 'OFFICIAL-SENSITIVE', capacity: 40, user: 'duty@south-wales.police.example' },
  { name: 'HM Revenue & Customs', capabilities: ['financial-investigation', 'regulatory-licensing'], jurisdictions: ['national'], clearance: 'OFFICIAL-SENSITIVE', capacity: 40, user: 'duty@hmrc.example' },
  { name: 'Border Force', capabilities: ['border-control', 'enforcement', 'intelligence-collection'], jurisdictions: ['national'], clearance: 'OFFICIAL-SENSITIVE', capacity: 50, user: 'duty@borderforce.example' },
  { name: 'Gangmasters and Labour Abuse Authority', capabilities: ['enforcement', 'regulatory-licensing', 'victim-support', 'safeguarding'], jurisdictions: ['national'], clearance: 'OFFICIAL-SENSITIVE', capacity: 20, user: 'duty@glaa.example' },
  { name: 'Environment Agency', capabilities: ['regulatory-licensing', 'enforcement', 'intelligence-collection'], jurisdictions: ['ENG-NW', 'ENG-NE', 'ENG-MID', 'ENG-SE', 'ENG-SW', 'ENG-LON'], clearance: 'OFFICIAL-SENSITIVE', capacity: 30, user: 'duty@environment-agency.example' },
  { name: 'Manchester City Council', capabilities: ['regulatory-licensing', 'safeguarding', 'prevention-education', 'victim-support'], jurisdictions: ['ENG-NW'], clearance: 'OFFICIAL', capacity: 25, user: 'community-safety@manchester.example' },
  { name: 'Glasgow City Council', capabilities: ['regulatory-licensing', 'safeguarding', 'prevention-education', 'victim-support'], jurisdictions: ['SCO-S'], clearance: 'OFFICIAL', capacity: 20, user: 'community-safety@glasgow.example' },
  { name: 'Victim Support', capabilities: ['victim-support', 'prevention-education'], jurisdictions: ['national'], clearance: 'OFFICIAL', capacity: 30, user: 'partnerships@victimsupport.example' },
];

export const DEMO_STAFF = [
  { email: 'admin@taskforce.example', role: 'admin' as const, displayName: 'Demo administrator' },
  { email: 'coordinator@taskforce.example', role: 'coordinator' as const, displayName: 'Demo coordinator' },
  { email: 'analyst@taskforce.example', role: 'analyst' as const, displayName: 'Demo analyst' },
];

/** Based on the objectives of the UK Serious and Organised Crime Strategy (2018). */
export const DEMO_VISION = {
  title: 'Leave no safe space for serious and organised criminals to operate against us, online and offline',
  aims: [
    'Protect our citizens and our prosperity by reducing the harm caused by serious and organised crime',
    'Close the gap between intelligence and tasking so that every partner body acts on the highest threats',
  ],
  objectives: [
    { code: 'OBJ-1', title: 'Relentless disruption and targeted action against the highest harm criminals and networks', strands: ['pursue' as const] },
    { code: 'OBJ-2', title: 'Build the highest levels of defence and resilience in vulnerable people, communities, businesses and systems', strands: ['protect' as const, 'prepare' as const] },
    { code: 'OBJ-3', title: 'Stop the problem at source, identifying and supporting those at risk of engaging in criminality', strands: ['prevent' as const] },
    { code: 'OBJ-4', title: 'Establish a single, whole-system approach with aligned governance, tasking and coordination', strands: ['pursue' as const, 'prevent' as const, 'protect' as const, 'prepare' as const] },
  ],
};
