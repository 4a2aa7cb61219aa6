import { DeliveryAttemptEntity, DeliveryEntity } from './delivery.entity';
import { NotificationEntity } from './notification.entity';
import { ReminderEntity } from './reminder.entity';

export * from './delivery.entity';
export * from './notification.entity';
export * from './reminder.entity';

export const REMINDER_ENTITIES = [ReminderEntity, NotificationEntity, DeliveryEntity, DeliveryAttemptEntity];
