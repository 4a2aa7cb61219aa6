// NestJS side of reminders (persistence, queues, services). The pure planner, policy and delivery
// helpers are in `@app/reminders`; importing this barrel loads NestJS, TypeORM and BullMQ.
export * from '../infrastructure/persistence';
export * from './settings';
export * from './reminder-queues';
export * from './reminder-scheduler';
export * from './reminder-dispatcher';
export * from './delivery-sender';
export * from './outbox-reconciler';
export * from './notifications.service';
export * from './reminder-queries.service';
export * from './queue-dashboard.service';
export * from './reminders.module';
