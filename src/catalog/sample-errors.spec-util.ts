import { defineErrors } from './define-errors';

/** The catalog the catalog's and the testing kit's unit specs assert against. */
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
});
