import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ALL_CONFIG } from './configuration';
import { validateEnvironment } from './environment';

/** Global, validated configuration. `.env` is read when present; real environment variables win. */
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      envFilePath: ['.env'],
      load: ALL_CONFIG,
      validate: (raw) => {
        validateEnvironment(raw);
        return raw;
      },
    }),
  ],
})
export class TaskforceConfigModule {}
