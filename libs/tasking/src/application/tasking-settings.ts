import { Injectable } from '@nestjs/common';
// Deep path on purpose: the reminders barrel pulls in its services, which depend on tasking.
import { loadReminderPolicy, type ReminderPolicy } from '@app/reminders/policy/reminder-policy';
import { loadCapabilities, loadPlaybooks, loadTaskingConfig, type Playbooks, type TaskingConfig } from '../config/tasking-config';

/**
 * The tasking configuration files, read once when the module starts: a bad file stops start-up with
 * every problem named, instead of failing the first upload.
 */
@Injectable()
export class TaskingSettings {
  readonly config: TaskingConfig = loadTaskingConfig();
  readonly playbooks: Playbooks = loadPlaybooks(undefined, loadCapabilities());
  /** Read for `taskTiming` only: the task dates it may override are set here, when a task is issued. */
  readonly reminderPolicy: ReminderPolicy = loadReminderPolicy();
}
