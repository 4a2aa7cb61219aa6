import type { TaskStatus } from '@app/common';
import { viewerActions } from './task.view';

const task = (status: TaskStatus, organisationId: string | null = 'lead') => ({ status, organisationId });
const coordinator = { role: 'coordinator' as const, organisationId: 'tf' };
const admin = { role: 'admin' as const, organisationId: 'tf' };
const lead = { role: 'partner' as const, organisationId: 'lead' };
const supporter = { role: 'partner' as const, organisationId: 'other' };
const analyst = { role: 'analyst' as const, organisationId: 'tf' };

describe('viewerActions', () => {
  it('gives coordinators and admins the coordinator moves of the current state', () => {
    expect(viewerActions(task('proposed'), coordinator)).toEqual(['issue', 'reassign', 'cancel', 'supersede']);
    expect(viewerActions(task('completed'), admin)).toEqual(['close']);
    expect(viewerActions(task('declined'), coordinator)).toEqual(['reassign', 'cancel', 'supersede']);
  });

  it('does not offer to issue an unrouted task', () => {
    expect(viewerActions(task('proposed', null), coordinator)).toEqual(['reassign', 'cancel', 'supersede']);
  });

  it('gives the lead partner its moves, and nobody else any', () => {
    expect(viewerActions(task('assigned'), lead)).toEqual(['accept', 'decline']);
    expect(viewerActions(task('accepted'), lead)).toEqual(['start']);
    expect(viewerActions(task('in_progress'), lead)).toEqual(['complete']);
    expect(viewerActions(task('assigned'), supporter)).toEqual([]);
    expect(viewerActions(task('assigned'), analyst)).toEqual([]);
    expect(viewerActions(task('assigned'), null)).toEqual([]);
  });

  it('offers nothing on terminal states', () => {
    for (const s of ['closed', 'cancelled', 'superseded'] as const) {
      expect(viewerActions(task(s), coordinator)).toEqual([]);
      expect(viewerActions(task(s), lead)).toEqual([]);
    }
  });
});
