import { Module } from '@nestjs/common';
import { ErrorsModule } from 'nestjs-api-errors';

import { AppErrors } from './app.errors';
import { ProjectsModule } from './projects/projects.module';

@Module({
  imports: [
    ErrorsModule.forRoot({
      docsBaseUrl: 'https://api.example.com/docs/errors',
      catalog: AppErrors,
      validation: { whitelist: true, forbidNonWhitelisted: true, transform: true },
    }),
    ProjectsModule,
  ],
})
export class AppModule {}
