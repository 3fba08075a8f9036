import { Injectable } from '@nestjs/common';
import { ApiException } from 'nestjs-api-errors';

import { AppErrors } from './app.errors.js';

@Injectable()
export class AppService {
  getHello(): string {
    return 'Hello World!';
  }

  async findProject(id: string): Promise<{ id: string }> {
    if (id !== 'apollo')
      throw new ApiException(AppErrors.ProjectNotFound, {
        cause: `No project has the id "${id}".`,
      });
    return { id };
  }
}
