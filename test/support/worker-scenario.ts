import type { TestApp } from './test-app';
import type { World } from './fixtures';

export interface TaskRef {
  id: string;
  title: string;
  organisationId: string | null;
  status: string;
}

/**
 * Uploads an assessment of `count` P1 threats, each with one enforcement action in ENG-NW, so every
 * task is routed to the North West Police of createWorld; answers the police-led tasks (proposed).
 */
export async function createPoliceTasks(t: TestApp, w: World, count: number, tag = 'R'): Promise<TaskRef[]> {
  const threats = Array.from({ length: count }, (_, i) => ({
    ref: `T-${tag}-${String(i + 1).padStart(3, '0')}`,
    title: `Threat ${tag} ${i + 1}`,
    description: 'Supply of controlled drugs through county lines',
    crimeArea: 'drugs',
    harm: { physical: 5, psychological: 5, financial: 5, community: 5, environmental: 0 },
    likelihood: 5,
    confidence: 'high',
    trend: 'increasing',
    regions: ['ENG-NW'],
    classification: 'OFFICIAL',
    intelligenceGaps: [],
    recommendedActions: [{ strand: 'pursue', capability: 'enforcement', description: `Disrupt line ${tag}${i + 1}`, dueInDays: 30 }],
  }));
  const res = await t.http.post('/api/assessments').set('Authorization', w.analyst).send({ title: `Reminders ${tag}`, threats });
  if (res.status !== 201) throw new Error(`assessment: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  const tasks = (res.body.plan.tasks as TaskRef[]).filter((x) => x.organisationId === w.police.id);
  if (tasks.length !== count) throw new Error(`expected ${count} police tasks, got ${tasks.length}`);
  return tasks;
}

export async function issueAll(t: TestApp, w: World, tasks: TaskRef[]): Promise<void> {
  const res = await t.http.post('/api/tasks/issue').set('Authorization', w.coordinator).send({ taskIds: tasks.map((x) => x.id) });
  if (res.status !== 200) throw new Error(`bulk issue: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
}

export interface InboxItem {
  id: string;
  taskId: string;
  reminderId: string;
  kind: string;
  subject: string;
  read: boolean;
}

/** Every notification of a user (all pages). */
export async function inbox(t: TestApp, token: string): Promise<InboxItem[]> {
  const all: InboxItem[] = [];
  for (let offset = 0; ; offset += 200) {
    const res = await t.http.get(`/api/notifications?limit=200&offset=${offset}`).set('Authorization', token);
    if (res.status !== 200) throw new Error(`inbox: ${res.status}`);
    all.push(...(res.body.items as InboxItem[]));
    if (offset + 200 >= res.body.total) return all;
  }
}

export interface ReminderItem {
  id: string;
  kind: string;
  occurrence: number;
  status: string;
  fireAt: string;
  sentAt: string | null;
}

export async function remindersOf(t: TestApp, token: string, taskId: string): Promise<ReminderItem[]> {
  const res = await t.http.get(`/api/tasks/${taskId}/reminders`).set('Authorization', token);
  if (res.status !== 200) throw new Error(`reminders: ${res.status}`);
  return res.body.items as ReminderItem[];
}

/** Counts how many inbox rows each reminder produced for one user. */
export function countByReminder(items: InboxItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of items) counts.set(n.reminderId, (counts.get(n.reminderId) ?? 0) + 1);
  return counts;
}
