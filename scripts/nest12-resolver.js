// Jest resolver for the NestJS 12 run: bare imports made from the project's own
// files resolve from compat/nest12 first (NestJS 12 and its copies of rxjs and
// reflect-metadata), then from the root install (class-validator, supertest…).
// Files inside the overlay resolve as Node would, so Nest 12 keeps its own deps.
const path = require('node:path');

const overlay = path.join(__dirname, '..', 'compat', 'nest12');

module.exports = (request, options) => {
  const bare = !request.startsWith('.') && !path.isAbsolute(request);
  if (bare && !options.basedir.startsWith(overlay)) {
    try {
      return options.defaultResolver(request, { ...options, basedir: overlay });
    } catch {
      // not in the overlay: fall through to the root install
    }
  }
  return options.defaultResolver(request, options);
};
