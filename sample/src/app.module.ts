import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { ErrorsModule } from 'nestjs-api-errors';
import type { ErrorFormatName } from 'nestjs-api-errors';

import { AppErrors } from './app.errors';
import { ProjectsModule } from './projects/projects.module';

@Module({
  imports: [
    // forRootAsync: options read at bootstrap (here from the environment).
    ErrorsModule.forRootAsync({
      useFactory: () => ({
        docsBaseUrl: 'https://api.example.com/docs/errors',
        catalog: AppErrors,
        // FORMAT=problem npm start: RFC 9457 problem details; FORMAT=nest: Nest's shape.
        format: (process.env.FORMAT ?? 'envelope') as ErrorFormatName,
        // A client sending Accept: application/problem+json gets problem details.
        negotiate: true,
        // The throttler's 429 becomes an error response with a plain Retry-After header.
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
    }),
    ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: 100 }]),
    ProjectsModule,
  ],
  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
})
export class AppModule {}
