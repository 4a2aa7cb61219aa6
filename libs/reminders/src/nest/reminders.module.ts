import { DynamicModule, Inject, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { notificationsConfig, redisConfig } from '@app/config';
import { OrganisationEntity, UserEntity } from '@app/identity';
import { TaskEntity } from '@app/tasking/infrastructure/persistence/task.entity';
import { REMINDER_ENTITIES } from '../infrastructure/persistence';
import { DeliverySender } from './delivery-sender';
import { NotificationsService } from './notifications.service';
import { OutboxReconciler } from './outbox-reconciler';
import { QueueDashboard } from './queue-dashboard.service';
import { ReminderDispatcher } from './reminder-dispatcher';
import { ReminderQueries } from './reminder-queries.service';
import { ReminderQueues } from './reminder-queues';
import { ReminderScheduler } from './reminder-scheduler';
import { readReminderSettings, REMINDER_POLICY, REMINDER_SETTINGS, reminderPolicyFromEnv, type ReminderSettings } from './settings';

const common = (role: 'producer' | 'worker'): Provider[] => [
  { provide: REMINDER_POLICY, useFactory: reminderPolicyFromEnv },
  {
    provide: REMINDER_SETTINGS,
    inject: [notificationsConfig.KEY],
    useFactory: (cfg: ConfigType<typeof notificationsConfig>) => readReminderSettings(cfg),
  },
  {
    provide: ReminderQueues,
    inject: [redisConfig.KEY, REMINDER_SETTINGS],
    useFactory: (redis: ConfigType<typeof redisConfig>, settings: ReminderSettings) =>
      new ReminderQueues({ url: redis.url, prefix: redis.queuePrefix, role }, settings),
  },
];

/**
 * Reminders and notifications. `forApi()`: the scheduler (a TaskChangeListener the API registers
 * with tasking), the inbox, read models and the queue dashboard, queueing as a producer that never
 * waits on Redis. `forWorker()`: the reminder dispatcher, delivery sender and outbox reconciler, on
 * a connection that waits for Redis.
 */
@Module({})
export class RemindersModule implements OnApplicationShutdown {
  constructor(@Inject(ReminderQueues) private readonly queues: ReminderQueues) {}

  static forApi(): DynamicModule {
    const providers = [...common('producer'), ReminderScheduler, NotificationsService, ReminderQueries, QueueDashboard];
    return {
      module: RemindersModule,
      imports: [TypeOrmModule.forFeature([...REMINDER_ENTITIES])],
      providers,
      exports: [REMINDER_POLICY, REMINDER_SETTINGS, ReminderQueues, ReminderScheduler, NotificationsService, ReminderQueries, QueueDashboard],
    };
  }

  static forWorker(): DynamicModule {
    const providers = [...common('worker'), ReminderDispatcher, DeliverySender, OutboxReconciler];
    return {
      module: RemindersModule,
      imports: [TypeOrmModule.forFeature([...REMINDER_ENTITIES, TaskEntity, UserEntity, OrganisationEntity])],
      providers,
      exports: [REMINDER_POLICY, REMINDER_SETTINGS, ReminderQueues, ReminderDispatcher, DeliverySender, OutboxReconciler],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
  }
}
