import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { AssessmentsModule } from '@app/assessments';
import { CollaborationModule } from '@app/collaboration';
import { appConfig } from '@app/config';
import { AssessmentsController } from './assessments.controller';

/** Upload limits come from configuration: an oversize file is a 413 before it is fully buffered. */
@Module({
  imports: [
    AssessmentsModule,
    CollaborationModule,
    MulterModule.registerAsync({
      inject: [appConfig.KEY],
      useFactory: (app: ConfigType<typeof appConfig>) => ({
        storage: memoryStorage(),
        limits: { fileSize: app.uploadMaxBytes, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 12 },
      }),
    }),
  ],
  controllers: [AssessmentsController],
})
export class AssessmentsHttpModule {}
