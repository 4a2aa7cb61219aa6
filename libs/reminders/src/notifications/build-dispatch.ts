import type { Band } from '@app/common/domain/vocabulary';
import type { TaskStatus } from '@app/common/domain/task.types';
import type { ReminderAudience, ReminderKind } from '../scheduling/reminder.types';
import { renderNotification } from './render-notification';

export interface DispatchReminder {
  id: string;
  kind: ReminderKind;
  occurrence: number;
  audience: ReminderAudience;
  fireAt: string;
}

export interface DispatchTask {
  id: string;
  title: string;
  threatRef: string;
  band: Band;
  status: TaskStatus;
  organisationId: string | null;
  acceptBy: string | null;
  dueAt: string | null;
  version: number;
}

export interface DispatchRecipient {
  userId: string;
  organisationId: string;
  email: string | null;
}

export interface DispatchOrganisation {
  id: string;
  webhookUrl: string | null;
  contactEmail: string | null;
}

export interface DispatchInput {
  reminder: DispatchReminder;
  task: DispatchTask;
  /** The users who get an inbox entry (already chosen by audience). */
  recipients: DispatchRecipient[];
  /** The organisations those users belong to: their webhook and contact address are used. */
  organisations: DispatchOrganisation[];
  /** Email deliveries are planned only when SMTP is configured. */
  emailEnabled: boolean;
  /** For "escalation 2 of 3" in the text. */
  maxOccurrences?: number;
  now: Date;
  newId: () => string;
}

export interface NotificationRow {
  id: string;
  userId: string;
  organisationId: string;
  taskId: string;
  reminderId: string;
  kind: ReminderKind;
  subject: string;
  body: string;
  dedupeKey: string;
  readAt: null;
  createdAt: string;
}

export interface DeliveryRow {
  id: string;
  channel: 'webhook' | 'email';
  target: string;
  organisationId: string;
  taskId: string;
  reminderId: string;
  dedupeKey: string;
  payload: string;
  status: 'pending';
  attempts: 0;
  lastError: null;
  lastStatusCode: null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: null;
}

/** The JSON body POSTed to an organisation's webhook (docs/webhooks.md documents it). */
export interface WebhookPayload {
  event: 'task.reminder';
  deliveryId: string;
  reminderId: string;
  kind: ReminderKind;
  occurrence: number;
  audience: ReminderAudience;
  firedAt: string;
  subject: string;
  body: string;
  task: {
    id: string;
    title: string;
    threatRef: string;
    band: Band;
    status: TaskStatus;
    organisationId: string | null;
    acceptBy: string | null;
    dueAt: string | null;
  };
}

export interface EmailPayload {
  subject: string;
  text: string;
}

export const notificationDedupeKey = (reminderId: string, userId: string): string => `${reminderId}|user|${userId}`;
export const webhookDedupeKey = (reminderId: string, organisationId: string): string => `${reminderId}|webhook|${organisationId}`;
export const emailDedupeKey = (reminderId: string, address: string): string => `${reminderId}|email|${address.toLowerCase()}`;

/**
 * Everything one firing reminder produces: an inbox row per recipient, a webhook delivery per
 * recipient organisation that has a webhook, and (with SMTP) an email delivery per distinct address
 * (the recipients' own, then their organisations' contact addresses). Pure, so the idempotency rules
 * are testable: every row carries a dedupe key derived only from the reminder and the target, so
 * building the plan twice and inserting "if absent" can never produce a second row.
 */
export function buildDispatch(input: DispatchInput): { notifications: NotificationRow[]; deliveries: DeliveryRow[] } {
  const { reminder, task, now } = input;
  const createdAt = now.toISOString();
  const text = renderNotification(
    reminder.kind,
    { title: task.title, threatRef: task.threatRef, band: task.band, dueAt: task.dueAt, acceptBy: task.acceptBy },
    { occurrence: reminder.occurrence, maxOccurrences: input.maxOccurrences, now },
  );

  const seenUsers = new Set<string>();
  const notifications: NotificationRow[] = [];
  for (const r of input.recipients) {
    if (seenUsers.has(r.userId)) continue;
    seenUsers.add(r.userId);
    notifications.push({
      id: input.newId(),
      userId: r.userId,
      organisationId: r.organisationId,
      taskId: task.id,
      reminderId: reminder.id,
      kind: reminder.kind,
      subject: text.subject,
      body: text.body,
      dedupeKey: notificationDedupeKey(reminder.id, r.userId),
      readAt: null,
      createdAt,
    });
  }

  const deliveries: DeliveryRow[] = [];
  const delivery = (channel: DeliveryRow['channel'], target: string, organisationId: string, dedupeKey: string, payload: (id: string) => unknown) => {
    const id = input.newId();
    deliveries.push({
      id,
      channel,
      target,
      organisationId,
      taskId: task.id,
      reminderId: reminder.id,
      dedupeKey,
      payload: JSON.stringify(payload(id)),
      status: 'pending',
      attempts: 0,
      lastError: null,
      lastStatusCode: null,
      createdAt,
      updatedAt: createdAt,
      deliveredAt: null,
    });
  };

  const orgIds = new Set(input.recipients.map((r) => r.organisationId));
  const orgs = input.organisations.filter((o) => orgIds.has(o.id));
  for (const org of orgs) {
    if (!org.webhookUrl) continue;
    delivery('webhook', org.webhookUrl, org.id, webhookDedupeKey(reminder.id, org.id), (deliveryId): WebhookPayload => ({
      event: 'task.reminder',
      deliveryId,
      reminderId: reminder.id,
      kind: reminder.kind,
      occurrence: reminder.occurrence,
      audience: reminder.audience,
      firedAt: createdAt,
      subject: text.subject,
      body: text.body,
      task: {
        id: task.id,
        title: task.title,
        threatRef: task.threatRef,
        band: task.band,
        status: task.status,
        organisationId: task.organisationId,
        acceptBy: task.acceptBy,
        dueAt: task.dueAt,
      },
    }));
  }

  if (input.emailEnabled) {
    const seenAddresses = new Set<string>();
    const email = (address: string | null, organisationId: string) => {
      const normalised = address?.trim();
      if (!normalised || seenAddresses.has(normalised.toLowerCase())) return;
      seenAddresses.add(normalised.toLowerCase());
      delivery('email', normalised, organisationId, emailDedupeKey(reminder.id, normalised), (): EmailPayload => ({
        subject: text.subject,
        text: text.body,
      }));
    };
    for (const r of input.recipients) email(r.email, r.organisationId);
    for (const org of orgs) email(org.contactEmail, org.id);
  }
  return { notifications, deliveries };
}
