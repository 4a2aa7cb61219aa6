import { Module } from '@nestjs/common';
import { TaskforceConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { IdentityModule } from '@app/identity';
import { VisionModule } from '@app/vision';

/** What the command-line tasks (migrate, seed) need: storage and services, no HTTP, no queues. */
@Module({
  imports: [TaskforceConfigModule, DatabaseModule, IdentityModule, VisionModule],
})
export class CliModule {}
