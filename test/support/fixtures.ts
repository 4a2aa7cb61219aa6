import type { TestApp } from './test-app';
import { ADMIN } from './test-app';

export const PASSWORD = 'Partner-Password-1';

export interface Org {
  id: string;
  name: string;
}

/** A small, known world: the Taskforce, and partner bodies with distinct capabilities and regions. */
export async function createWorld(t: TestApp) {
  const admin = await t.login(ADMIN.email, ADMIN.password);
  const orgs = (await t.http.get('/api/organisations').set('Authorization', admin)).body.items as Array<{ id: string; name: string; kind: string }>;
  const taskforce = orgs.find((o) => o.kind === 'taskforce')!;
  const mkOrg = async (body: Record<string, unknown>): Promise<Org> => {
    const res = await t.http.post('/api/organisations').set('Authorization', admin).send(body);
    if (res.status !== 201) throw new Error(`org: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const police = await mkOrg({
    name: 'North West Police',
    kind: 'partner',
    capabilities: ['enforcement', 'safeguarding', 'intelligence-collection', 'cyber'],
    jurisdictions: ['ENG-NW'],
    clearance: 'SECRET',
    capacity: 50,
  });
  const tax = await mkOrg({
    name: 'National Revenue Agency',
    kind: 'partner',
    capabilities: ['financial-investigation', 'regulatory-licensing'],
    jurisdictions: ['national'],
    clearance: 'OFFICIAL-SENSITIVE',
    capacity: 30,
  });
  const council = await mkOrg({
    name: 'Northtown Council',
    kind: 'partner',
    capabilities: ['prevention-education', 'safeguarding', 'regulatory-licensing', 'victim-support'],
    jurisdictions: ['ENG-NW'],
    clearance: 'OFFICIAL',
    capacity: 10,
  });
  const mkUser = async (email: string, role: string, organisationId: string) => {
    const res = await t.http.post('/api/users').set('Authorization', admin).send({ email, password: PASSWORD, role, organisationId });
    if (res.status !== 201) throw new Error(`user: ${res.status} ${JSON.stringify(res.body)}`);
    return t.login(email, PASSWORD);
  };
  return {
    admin,
    taskforce,
    police,
    tax,
    council,
    coordinator: await mkUser('coord@e2e.example', 'coordinator', taskforce.id),
    analyst: await mkUser('analyst@e2e.example', 'analyst', taskforce.id),
    policeUser: await mkUser('officer@police.e2e.example', 'partner', police.id),
    taxUser: await mkUser('investigator@tax.e2e.example', 'partner', tax.id),
    councilUser: await mkUser('officer@council.e2e.example', 'partner', council.id),
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;
