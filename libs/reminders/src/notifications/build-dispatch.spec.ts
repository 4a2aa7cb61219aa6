import { describe, expect, it } from '@jest/globals';
import { buildDispatch, type DispatchInput, type WebhookPayload } from './build-dispatch';

let n = 0;
const input = (over: Partial<DispatchInput> = {}): DispatchInput => ({
  reminder: { id: 'r1', kind: 'acceptance-reminder', occurrence: 1, audience: 'lead', fireAt: '2026-03-01T00:00:02.000Z' },
  task: {
    id: 't1',
    title: 'Disrupt the supply line',
    threatRef: 'T-DRG-01',
    band: 'P1',
    status: 'assigned',
    organisationId: 'police',
    acceptBy: '2026-03-01T00:00:04.000Z',
    dueAt: '2026-03-01T00:00:12.000Z',
    version: 2,
  },
  recipients: [
    { userId: 'u1', organisationId: 'police', email: 'a@police.example' },
    { userId: 'u2', organisationId: 'police', email: 'B@police.example' },
  ],
  organisations: [{ id: 'police', webhookUrl: 'https://police.example/hook', contactEmail: 'b@police.example' }],
  emailEnabled: true,
  now: new Date('2026-03-01T00:00:02.000Z'),
  newId: () => `id${++n}`,
  ...over,
});

describe('buildDispatch', () => {
  it('plans an inbox row per recipient, one webhook per organisation and one email per distinct address', () => {
    const { notifications, deliveries } = buildDispatch(input());
    expect(notifications.map((x) => [x.userId, x.dedupeKey])).toEqual([
      ['u1', 'r1|user|u1'],
      ['u2', 'r1|user|u2'],
    ]);
    expect(notifications[0].subject).toContain('Please accept or decline');
    expect(deliveries.map((d) => [d.channel, d.target, d.dedupeKey])).toEqual([
      ['webhook', 'https://police.example/hook', 'r1|webhook|police'],
      ['email', 'a@police.example', 'r1|email|a@police.example'],
      ['email', 'B@police.example', 'r1|email|b@police.example'],
    ]);
  });

  it('puts the delivery id and a task summary (never the assessment) in the webhook payload', () => {
    const { deliveries } = buildDispatch(input());
    const body = JSON.parse(deliveries[0].payload) as WebhookPayload;
    expect(body).toMatchObject({ event: 'task.reminder', deliveryId: deliveries[0].id, reminderId: 'r1', kind: 'acceptance-reminder' });
    expect(Object.keys(body.task).sort()).toEqual(['acceptBy', 'band', 'dueAt', 'id', 'organisationId', 'status', 'threatRef', 'title']);
  });

  it('derives dedupe keys only from the reminder and the target, so a rebuild collides with the first', () => {
    const a = buildDispatch(input());
    const b = buildDispatch(input());
    expect(b.notifications.map((x) => x.dedupeKey)).toEqual(a.notifications.map((x) => x.dedupeKey));
    expect(b.deliveries.map((x) => x.dedupeKey)).toEqual(a.deliveries.map((x) => x.dedupeKey));
    expect(new Set(b.deliveries.map((x) => x.id)).size).toBe(b.deliveries.length);
  });

  it('sends no email without SMTP and no webhook without a URL', () => {
    const { deliveries } = buildDispatch(input({ emailEnabled: false, organisations: [{ id: 'police', webhookUrl: null, contactEmail: null }] }));
    expect(deliveries).toEqual([]);
  });

  it('uses only the recipients\' own organisations for webhooks', () => {
    const { deliveries } = buildDispatch(
      input({ emailEnabled: false, organisations: [{ id: 'elsewhere', webhookUrl: 'https://x.example', contactEmail: null }] }),
    );
    expect(deliveries).toEqual([]);
  });

  it('numbers escalations in the text', () => {
    const { notifications } = buildDispatch(
      input({
        reminder: { id: 'r2', kind: 'overdue-escalation', occurrence: 2, audience: 'coordinators', fireAt: '2026-03-01T00:00:16.000Z' },
        maxOccurrences: 3,
      }),
    );
    expect(notifications[0].subject).toContain('escalation 2 of 3');
  });
});
