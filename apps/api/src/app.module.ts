import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { createValidationPipe, LogFlusher, loggerOptions, ProblemDetailsFilter, QueueRootModule } from '@app/common/nest';
import { appConfig, authConfig, TaskforceConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { AccessGuard, IdentityModule } from '@app/identity';
import { VisionModule } from '@app/vision';
import { AssessmentsHttpModule } from './assessments/assessments-http.module';
import { AuditHttpModule } from './audit/audit-http.module';
import { CollaborationHttpModule } from './collaboration/collaboration-http.module';
import { HealthController } from './health/health.controller';
import { RedisHealthService } from './health/redis-health.service';
import { AuthController, LoginThrottleGuard } from './identity/auth.controller';
import { OrganisationsController } from './identity/organisations.controller';
import { UsersController } from './identity/users.controller';
import { NotificationsHttpModule } from './notifications/notifications-http.module';
import { ReportingHttpModule } from './reporting/reporting-http.module';
import { TaskingHttpModule } from './tasking/tasking-http.module';
import { VisionController } from './vision/vision.controller';

@Module({
  imports: [
    TaskforceConfigModule,
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (app: ConfigType<typeof appConfig>) => loggerOptions(app.logLevel, 'taskforce-api'),
    }),
    DatabaseModule,
    QueueRootModule.forProducer(),
    ThrottlerModule.forRootAsync({
      inject: [authConfig.KEY],
      useFactory: (auth: ConfigType<typeof authConfig>) => ({
        throttlers: [{ name: 'login', ttl: auth.loginRateWindowSeconds * 1000, limit: auth.loginRateLimit }],
      }),
    }),
    IdentityModule,
    VisionModule,
    AssessmentsHttpModule,
    TaskingHttpModule,
    NotificationsHttpModule,
    CollaborationHttpModule,
    AuditHttpModule,
    ReportingHttpModule,
  ],
  controllers: [HealthController, AuthController, OrganisationsController, UsersController, VisionController],
  providers: [
    LogFlusher,
    RedisHealthService,
    LoginThrottleGuard,
    { provide: APP_GUARD, useExisting: AccessGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
export class AppModule {}
