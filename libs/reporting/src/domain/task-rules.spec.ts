import { cellStatus, isLive, tallyTasks, type StatusedTask } from './task-rules';
import type { TaskStatus } from '@app/common';

const routed = (status: TaskStatus): StatusedTask => ({ status, organisationId: 'org-1' });
const unrouted: StatusedTask = { status: 'proposed', organisationId: null };

describe('cellStatus', () => {
  it('is a gap with no task at all', () => {
    expect(cellStatus([])).toBe('gap');
  });

  it.each<TaskStatus>(['assigned', 'accepted', 'in_progress', 'completed', 'closed'])('is covered by a %s task', (status) => {
    expect(cellStatus([routed(status)])).toBe('covered');
  });

  it('is planned when the only live work is a routed proposed task', () => {
    expect(cellStatus([routed('proposed')])).toBe('planned');
    expect(cellStatus([routed('proposed'), routed('declined'), unrouted])).toBe('planned');
  });

  it('is a gap when only unrouted, declined, cancelled or superseded tasks exist', () => {
    expect(cellStatus([unrouted])).toBe('gap');
    expect(cellStatus([routed('declined')])).toBe('gap');
    expect(cellStatus([routed('cancelled'), routed('superseded'), unrouted, routed('declined')])).toBe('gap');
  });

  it('prefers covered over planned whatever the order', () => {
    expect(cellStatus([routed('proposed'), routed('closed')])).toBe('covered');
    expect(cellStatus([routed('declined'), routed('accepted'), routed('proposed')])).toBe('covered');
  });
});

describe('isLive', () => {
  it('counts routed work in hand or about to be issued, not finished, dropped or unrouted work', () => {
    expect(['proposed', 'assigned', 'accepted', 'in_progress'].every((s) => isLive(routed(s as TaskStatus)))).toBe(true);
    expect(['declined', 'completed', 'closed', 'cancelled', 'superseded'].some((s) => isLive(routed(s as TaskStatus)))).toBe(false);
    expect(isLive(unrouted)).toBe(false);
  });
});

describe('tallyTasks', () => {
  it('folds grouped counts into every status, unrouted and live work', () => {
    const t = tallyTasks([
      { status: 'proposed', count: 3, withoutLead: 2 },
      { status: 'assigned', count: 1, withoutLead: 0 },
      { status: 'declined', count: 2, withoutLead: 0 },
      { status: 'closed', count: 1, withoutLead: 0 },
    ]);
    expect(t.total).toBe(7);
    expect(t.unrouted).toBe(2);
    expect(t.live).toBe(2); // one routed proposed, one assigned
    expect(t.byStatus).toMatchObject({ proposed: 3, assigned: 1, declined: 2, closed: 1, accepted: 0, cancelled: 0 });
    expect(Object.keys(t.byStatus)).toHaveLength(9);
  });

  it('is all zeros with no rows', () => {
    expect(tallyTasks([])).toMatchObject({ total: 0, unrouted: 0, live: 0 });
  });
});
