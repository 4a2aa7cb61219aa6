import { Module } from '@nestjs/common';
import { TaskingModule } from '@app/tasking';
import { DeliveriesController } from './deliveries.controller';
import { NotificationsController } from './notifications.controller';
import { QueueDashboardController } from './queue-dashboard.controller';
import { ReminderSchedulingModule } from './reminder-scheduling.module';
import { TaskRemindersController } from './task-reminders.controller';

/** Reminders over HTTP: the inbox, a task's reminders and deliveries, and the admin queue dashboard. */
@Module({
  imports: [ReminderSchedulingModule, TaskingModule],
  controllers: [NotificationsController, TaskRemindersController, DeliveriesController, QueueDashboardController],
})
export class NotificationsHttpModule {}
