import type { EntityManager } from 'typeorm';
import { TaskEntity, TasksService, type TaskChange, type TaskChangeListener } from '@app/tasking';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, type World } from './support/fixtures';
import { threat } from './support/threats';

/*
 * The TaskChangeListener port that reminders and audit subscribe through: changes arrive inside the
 * writing transaction (and a listener that throws undoes the whole write), then again after commit.
 */
describe('tasking: change listeners', () => {
  let t: TestApp;
  let w: World;

  interface Seen {
    actions: string[];
    inTransaction: boolean;
    /** The listener's view, through the same EntityManager, of the first changed task's status. */
    storedStatus: string | null;
  }
  const inTx: Seen[] = [];
  const afterCommit: TaskChange[][] = [];
  let failOn: string | null = null;
  let failAfterCommit = false;

  const listener: TaskChangeListener = {
    async onTasksChanged(em: EntityManager, changes: TaskChange[]) {
      const stored = await em.findOne(TaskEntity, { where: { id: changes[0].after.id } });
      inTx.push({ actions: changes.map((c) => c.action), inTransaction: Boolean(em.queryRunner?.isTransactionActive), storedStatus: stored?.status ?? null });
      if (failOn && changes.some((c) => c.action === failOn)) throw new Error(`listener refused ${failOn}`);
    },
    async afterCommit(changes: TaskChange[]) {
      afterCommit.push(changes);
      if (failAfterCommit) throw new Error('queue unavailable');
    },
  };

  const upload = (ref: string) =>
    t.http
      .post('/api/assessments')
      .set('Authorization', w.analyst)
      .send({ title: `Listeners ${ref}`, threats: [threat(ref, { harm: { physical: 5, psychological: 5, financial: 5, community: 5, environmental: 5 }, likelihood: 5 })] });
  const count = async (path: string) => (await t.http.get(path).set('Authorization', w.coordinator).expect(200)).body.total as number;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    t.app.get(TasksService).registerListener(listener);
  });
  afterAll(() => t?.close());
  beforeEach(() => {
    inTx.length = 0;
    afterCommit.length = 0;
    failOn = null;
    failAfterCommit = false;
  });

  it('reports a stored plan as create changes, in the revision’s transaction and again after commit', async () => {
    const res = await upload('T-L1').expect(201);
    const tasks = res.body.plan.tasks as Array<{ id: string }>;
    expect(tasks.length).toBeGreaterThan(0);
    expect(inTx).toEqual([{ actions: tasks.map(() => 'create'), inTransaction: true, storedStatus: 'proposed' }]);
    expect(afterCommit).toHaveLength(1);
    const [first] = afterCommit[0];
    expect(first).toMatchObject({ before: null, action: 'create', actor: { role: 'analyst' }, after: { id: tasks[0].id, status: 'proposed', version: 1, threatRef: 'T-L1' } });
  });

  it('reports a lifecycle change with before and after snapshots and the actor', async () => {
    const [task] = (await upload('T-L2').expect(201)).body.plan.tasks;
    inTx.length = 0;
    afterCommit.length = 0;
    await t.http.post(`/api/tasks/${task.id}/issue`).set('Authorization', w.coordinator).expect(200);
    expect(inTx).toEqual([{ actions: ['issue'], inTransaction: true, storedStatus: 'assigned' }]);
    expect(afterCommit[0][0]).toMatchObject({
      action: 'issue',
      before: { status: 'proposed', version: 1, acceptBy: null },
      after: { status: 'assigned', version: 2, acceptBy: expect.any(String), issuedAt: expect.any(String) },
      actor: { role: 'coordinator', organisationId: w.taskforce.id },
    });
  });

  it('undoes the whole action when a listener fails inside the transaction', async () => {
    const [task] = (await upload('T-L3').expect(201)).body.plan.tasks;
    await t.http.post(`/api/tasks/${task.id}/issue`).set('Authorization', w.coordinator).expect(200);
    afterCommit.length = 0;
    failOn = 'accept';
    const res = await t.http.post(`/api/tasks/${task.id}/accept`).set('Authorization', w.policeUser);
    expect(res.status).toBe(500);
    const after = (await t.http.get(`/api/tasks/${task.id}`).set('Authorization', w.coordinator).expect(200)).body;
    expect(after).toMatchObject({ status: 'assigned', version: 2 });
    const history = (await t.http.get(`/api/tasks/${task.id}/history`).set('Authorization', w.coordinator).expect(200)).body.items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['issue']);
    expect(afterCommit).toEqual([]);
  });

  it('stores nothing of an upload when a listener refuses its plan', async () => {
    const assessments = await count('/api/assessments');
    const tasks = await count('/api/tasks');
    failOn = 'create';
    expect((await upload('T-L4')).status).toBe(500);
    expect(await count('/api/assessments')).toBe(assessments);
    expect(await count('/api/tasks')).toBe(tasks);
    expect(afterCommit).toEqual([]);
  });

  it('keeps a committed change when after-commit work fails', async () => {
    const [task] = (await upload('T-L5').expect(201)).body.plan.tasks;
    failAfterCommit = true;
    const res = await t.http.post(`/api/tasks/${task.id}/issue`).set('Authorization', w.coordinator).expect(200);
    expect(res.body.status).toBe('assigned');
    expect(afterCommit.map((batch) => batch[0].action)).toEqual(['create', 'issue']);
  });
});
