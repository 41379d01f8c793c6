import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { createValidationPipe, HttpExceptionFilter } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import { securityHeaders, serveWebUi } from '../../web/server/web-ui';
import { ApiModule } from './api.module';

export const JSON_BODY_LIMIT = '2mb';

function dependencyEndpoints(config: AppConfig) {
  const db = new URL(config.database.url);
  const redis = new URL(config.redis.url);
  return {
    mysql: `${db.hostname}:${db.port || 3306}`,
    redis: `${redis.hostname}:${redis.port || 6379}`,
    temporal: config.temporal.address,
  };
}

/** Builds the configured API application; main.ts and the e2e tests share it so tests run what ships. */
export async function createApiApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bufferLogs: true,
  });
  // Decides req.ip (audit log, login limits): X-Forwarded-For is believed only from the configured proxies.
  app.set('trust proxy', config.http.trustProxy);
  app.useLogger(app.get(Logger));
  // JSON bodies are small (steps, edits, a pasted document); larger documents go as multipart uploads.
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  // Strict CSP for the web UI (and every API answer); relaxed for Swagger UI under /api/docs only.
  app.use(securityHeaders());
  serveWebUi(app);
  app.setGlobalPrefix('api/v1', { exclude: ['health', 'ready'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter(dependencyEndpoints(config)));
  app.enableShutdownHooks();
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Rectiflow API')
      .setDescription('绩效评价问题整改跟踪 — rectification tracking of performance evaluation findings')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
