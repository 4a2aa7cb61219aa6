import { INestApplicationContext, Logger } from '@nestjs/common';
import { OrganisationsService, UsersService } from '@app/identity';
import { VisionService } from '@app/vision';
import { DEMO_PARTNERS, DEMO_PASSWORD, DEMO_STAFF, DEMO_TASKFORCE, DEMO_VISION } from './demo-data';

export interface SeedResult {
  created: string[];
  logins: Array<{ email: string; role: string; organisation: string }>;
}

/** Idempotent: what exists (by name or email) is left alone, so it can run on every start. */
export async function seedDemo(app: INestApplicationContext): Promise<SeedResult> {
  const orgs = app.get(OrganisationsService);
  const users = app.get(UsersService);
  const vision = app.get(VisionService);
  const created: string[] = [];
  const logins: SeedResult['logins'] = [];

  const taskforce =
    (await orgs.findByName(DEMO_TASKFORCE)) ??
    (created.push(`organisation ${DEMO_TASKFORCE}`),
    await orgs.create({ name: DEMO_TASKFORCE, kind: 'taskforce', capabilities: ['intelligence-collection'], jurisdictions: ['national'], clearance: 'SECRET', capacity: 1000 }));

  for (const staff of DEMO_STAFF) {
    if (!(await users.findByEmail(staff.email))) {
      await users.create({ email: staff.email, password: DEMO_PASSWORD, role: staff.role, organisationId: taskforce.id, displayName: staff.displayName });
      created.push(`user ${staff.email}`);
    }
    logins.push({ email: staff.email, role: staff.role, organisation: DEMO_TASKFORCE });
  }

  for (const p of DEMO_PARTNERS) {
    let org = await orgs.findByName(p.name);
    if (!org) {
      org = await orgs.create({ name: p.name, kind: 'partner', capabilities: p.capabilities, jurisdictions: p.jurisdictions, clearance: p.clearance, capacity: p.capacity });
      created.push(`organisation ${p.name}`);
    }
    if (!(await users.findByEmail(p.user))) {
      await users.create({ email: p.user, password: DEMO_PASSWORD, role: 'partner', organisationId: org.id, displayName: `${p.name} duty officer` });
      created.push(`user ${p.user}`);
    }
    logins.push({ email: p.user, role: 'partner', organisation: p.name });
  }

  if (!(await vision.find())) {
    const admin = await users.findByEmail(DEMO_STAFF[1].email);
    await vision.put(DEMO_VISION, admin!.id);
    created.push('vision');
  }
  new Logger('Seed').log(created.length ? `created ${created.length} demo records` : 'demo data already present');
  return { created, logins };
}

export function printLogins(result: SeedResult): void {
  const lines = [
    '',
    'Demo logins (password for all: ' + DEMO_PASSWORD + ')',
    ...result.logins.map((l) => `  ${l.role.padEnd(12)} ${l.email.padEnd(40)} ${l.organisation}`),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
