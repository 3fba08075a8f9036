import { defineErrors } from 'nestjs-api-errors';

export const AppErrors = defineErrors({
  InvalidApiKey: {
    status: 401,
    code: 2000,
    message: 'The API key provided is invalid.',
  },
  ProjectNotFound: {
    status: 404,
    code: 'project_not_found',
    message: 'The project does not exist.',
  },
  ProjectNameTaken: {
    status: 409,
    code: 'project_name_taken',
    message: 'A project with this name already exists.',
  },
});
