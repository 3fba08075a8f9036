import { Module } from '@nestjs/common';
import { ErrorsModule } from 'nestjs-api-errors';

import { AppController } from './app.controller.js';
import { AppErrors } from './app.errors.js';
import { AppService } from './app.service.js';

@Module({
  imports: [
    ErrorsModule.forRoot({
      docsBaseUrl: 'https://api.example.com/docs/errors',
      catalog: AppErrors,
    }),
  ],
  controllers: [AppController],
  providers: [AppService],
})
export class AppModule {}
