import { defineErrors } from 'nestjs-api-errors';

/** Every error this API can answer besides the built-ins, in one table. */
export const AppErrors = defineErrors({
  MissingApiKey: { status: 401, code: 2001, message: 'An API key is required: send it in the x-api-key header.' },
  InvalidApiKey: { status: 401, code: 2000, message: 'The API key provided is invalid.' },
  ProjectNotFound: { status: 404, code: 'project_not_found', message: 'The project does not exist.' },
  ProjectNameTaken: { status: 409, code: 'project_name_taken', message: 'A project with this name already exists.' },
  ProjectArchived: { status: 402, code: 'project_archived', message: 'The parameters were valid but the request failed: the project is archived.' },
});
