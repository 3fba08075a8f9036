import { Module } from '@nestjs/common';
import { ErrorsModule } from 'nestjs-api-errors';

import { AppController } from './app.controller.js';
import { AppErrors } from './app.errors.js';
import { AppService, DatabaseError } from './app.service.js';

@Module({
  imports: [
    ErrorsModule.forRoot({
      docsBaseUrl: 'https://api.example.com/docs/errors',
      catalog: AppErrors,
      mappings: [
        {
          exception: DatabaseError,
          when: (e: DatabaseError) => e.code === 'P2002',
          error: AppErrors.ProjectNameTaken,
        },
      ],
    }),
  ],
  controllers: [AppController],
  providers: [AppService],
})
export class AppModule {}
