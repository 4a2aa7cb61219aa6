import { INestApplication } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { BadRequestError, exceedsJsonDepth, MAX_JSON_DEPTH } from '@app/common';
import { sendProblem, toProblem } from '@app/common/nest';
import { appConfig } from '@app/config';
import { runMigrations } from '@app/database';
import { BootstrapAdminService } from '@app/identity';
import { AppModule } from './app.module';

/**
 * Builds the fully configured API (used by main.ts and by the e2e tests, so tests drive exactly what
 * production runs): migrations, bootstrap admin, security headers, body limits, docs.
 */
export async function createApiApp(): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(Logger));
  const cfg = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);

  const dataSource = app.get<DataSource>(getDataSourceToken());
  await runMigrations(dataSource, (m) => app.get(Logger).log(m, 'Migrations'));
  await app.get(BootstrapAdminService).ensureAdmin();

  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  const strict = helmet();
  // Swagger UI needs inline scripts and styles; everything else gets the strict default policy.
  const docs = helmet({ contentSecurityPolicy: false });
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api/docs') ? docs : strict)(req, res, next));
  app.use(express.json({ limit: cfg.bodyLimitBytes, type: ['application/json', 'application/*+json'] }));
  // Hostile nesting would overflow the stack in validation and serialisation: refuse it up front.
  app.use((req: Request, _res: Response, next: NextFunction) =>
    next(exceedsJsonDepth(req.body) ? new BadRequestError(`The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`) : undefined),
  );
  // Body-parser errors (oversize 413, malformed JSON 400) happen before Nest's filters can see them.
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    sendProblem(res, toProblem(err, req));
  });

  app.setGlobalPrefix('api');
  app.enableShutdownHooks();

  if (cfg.apiDocs) {
    const doc = new DocumentBuilder()
      .setTitle('Taskforce API')
      .setDescription(
        'Serious organised crime taskforce: threat assessments become prioritised, routed tasks that partners act on. ' +
          'Errors are application/problem+json. Lists answer { items, total, limit, offset }.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build();
    SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'api/docs-json' });
  }
  await app.init();
  return app;
}
