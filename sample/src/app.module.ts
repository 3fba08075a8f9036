import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { ErrorsModule } from 'nestjs-api-errors';

import { AppErrors } from './app.errors';
import { ProjectsModule } from './projects/projects.module';

@Module({
  imports: [
    ErrorsModule.forRoot({
      docsBaseUrl: 'https://api.example.com/docs/errors',
      catalog: AppErrors,
      // The throttler's 429 becomes the envelope, with a plain Retry-After header.
      builtInErrors: {
        TooManyRequests: {
          message: 'Too many requests. Retry after the delay in Retry-After.',
        },
      },
      validation: {
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
      },
    }),
    ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: 100 }]),
    ProjectsModule,
  ],
  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
})
export class AppModule {}
