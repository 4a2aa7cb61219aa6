import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { AssessmentsService } from '@app/assessments';
import { type Actor, OrganisationsService, UsersService } from '@app/identity';
import { TasksService } from '@app/tasking';
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

  const actor = async (email: string): Promise<Actor> => {
    const u = (await users.findByEmail(email))!;
    return { id: u.id, email: u.email, role: u.role, organisationId: u.organisationId, organisationKind: 'taskforce' };
  };
  const coordinator = await actor(DEMO_STAFF[1].email);
  if (!(await vision.find())) {
    await vision.put(DEMO_VISION, coordinator.id);
    created.push('vision');
  }

  // The sample assessment, scored and planned; its P1 tasks issued so partners have work to act on.
  const assessments = app.get(AssessmentsService);
  if ((await assessments.list(1, 0)).total === 0) {
    const file = resolve(process.env.DEMO_ASSESSMENT_PATH ?? 'config/samples/assessment.json');
    const upload = await assessments.create(await actor(DEMO_STAFF[2].email), {
      file: { buffer: readFileSync(file), originalname: 'assessment.json' },
      dryRun: false,
    });
    const tasks = upload.plan.tasks as Array<{ id: string; band: string; organisationId: string | null }>;
    const p1 = tasks.filter((t) => t.band === 'P1' && t.organisationId).map((t) => t.id);
    if (p1.length) await app.get(TasksService).issueMany(coordinator, { taskIds: p1 });
    created.push(`assessment "${upload.title}" (${upload.threats.length} threats, ${tasks.length} proposed tasks, ${p1.length} P1 tasks issued)`);
  }
  return { created, logins };
}

export function printLogins(result: SeedResult): void {
  const lines = [
    result.created.length ? `Demo data: created ${result.created.length} records, including:` : 'Demo data: already present, nothing changed.',
    ...result.created.filter((c) => !c.startsWith('user ')).map((c) => `  - ${c}`),
    '',
    'Demo logins (password for all: ' + DEMO_PASSWORD + ')',
    ...result.logins.map((l) => `  ${l.role.padEnd(12)} ${l.email.padEnd(40)} ${l.organisation}`),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
