import { Module } from '@nestjs/common';
import { TaskforceConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { IdentityModule } from '@app/identity';
import { TaskingModule } from '@app/tasking';
import { VisionModule } from '@app/vision';

/**
 * What the command-line tasks (migrate, seed) need: storage and services, no HTTP, no queues. Tasking is
 * here so an assessment stored from the command line gets its tasking plan, as over HTTP.
 */
@Module({
  imports: [TaskforceConfigModule, DatabaseModule, IdentityModule, VisionModule, TaskingModule],
})
export class CliModule {}
