import { Module } from '@nestjs/common';
import { AssessmentsModule } from '@app/assessments';
import { AuditListenersModule, AuditModule } from '@app/audit';
import { QueueRootModule } from '@app/common/nest';
import { TaskforceConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { IdentityModule } from '@app/identity';
import { TaskingModule } from '@app/tasking';
import { VisionModule } from '@app/vision';
import { ReminderSchedulingModule } from '../notifications/reminder-scheduling.module';

/**
 * What the command-line tasks (migrate, seed) need: storage and services, no HTTP. Tasking and reminder
 * scheduling are here so an assessment stored (and tasks issued) from the command line get their plan
 * and reminders exactly as over HTTP (and are audited); with Redis down the reminders wait in the outbox.
 */
@Module({
  imports: [
    TaskforceConfigModule,
    DatabaseModule,
    QueueRootModule.forProducer(),
    IdentityModule,
    VisionModule,
    AssessmentsModule,
    TaskingModule,
    ReminderSchedulingModule,
    // Changes made from the command line (the demo seed) are audited like any other.
    AuditModule,
    AuditListenersModule,
  ],
})
export class CliModule {}
