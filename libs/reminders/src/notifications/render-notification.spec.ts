import { describe, expect, it } from '@jest/globals';
import { REMINDER_KINDS } from '../scheduling/reminder.types';
import { renderNotification, type NotificationTask } from './render-notification';

const task: NotificationTask = {
  title: 'Disrupt county line supply',
  threatRef: 'T-2026-014',
  band: 'P1',
  dueAt: '2026-03-10T09:30:00.000Z',
  acceptBy: '2026-03-02T12:00:00.000Z',
};

describe('renderNotification', () => {
  it.each(REMINDER_KINDS)('%s: names the band, task and threat', (kind) => {
    const { subject, body } = renderNotification(kind, task);
    expect(subject).toMatch(/^\[P1\] .+: Disrupt county line supply$/);
    expect(body).toContain('"Disrupt county line supply"');
    expect(body).toContain('T-2026-014');
  });

  it('acceptance reminder and escalation show the deadline in UTC', () => {
    expect(renderNotification('acceptance-reminder', task)).toEqual({
      subject: '[P1] Please accept or decline: Disrupt county line supply',
      body:
        'Task "Disrupt county line supply" (threat T-2026-014, band P1) is waiting for your organisation to accept or decline it. Acceptance deadline: on 2026-03-02 12:00 UTC.\n' +
        'If you cannot take it on, decline it with a reason so coordinators can re-route it.',
    });
    expect(renderNotification('acceptance-escalation', task).body).toContain('(on 2026-03-02 12:00 UTC)');
  });

  it('due reminder says how long is left when given now', () => {
    const { subject, body } = renderNotification('due-reminder', task, { now: new Date('2026-03-07T09:00:00.000Z') });
    expect(subject).toBe('[P1] Due 2026-03-10: Disrupt county line supply');
    expect(body).toContain('is due on 2026-03-10 09:30 UTC (in 3 days)');
  });

  it('overdue escalation counts escalations and says how late', () => {
    const { subject, body } = renderNotification('overdue-escalation', task, {
      occurrence: 2,
      maxOccurrences: 3,
      now: new Date('2026-03-10T14:31:00.000Z'),
    });
    expect(subject).toBe('[P1] Overdue (escalation 2 of 3): Disrupt county line supply');
    expect(body).toContain('it was due on 2026-03-10 09:30 UTC (5 hours ago)');
  });

  it('progress request, with and without a due date', () => {
    expect(renderNotification('progress-request', task, { occurrence: 1 }).subject).toBe(
      '[P1] Progress update requested (1): Disrupt county line supply',
    );
    expect(renderNotification('progress-request', { ...task, dueAt: null }).body).not.toContain('due');
  });

  it('copes with missing dates', () => {
    const noDates = { ...task, dueAt: null, acceptBy: null };
    expect(renderNotification('due-reminder', noDates).subject).toBe('[P1] Due (no date): Disrupt county line supply');
    expect(renderNotification('due-reminder', noDates).body).toContain('has no due date set.');
    expect(renderNotification('acceptance-reminder', noDates).body).toContain('Acceptance deadline: not set.');
  });
});
