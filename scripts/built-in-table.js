// Prints the README's built-in error table from src/catalog/built-in.errors.ts
// (run after `npm run build`): node scripts/built-in-table.js
const { BUILT_IN_ERRORS } = require('../dist');

const rows = Object.entries(BUILT_IN_ERRORS).map(
  ([name, d]) => `| ${d.status} | \`${d.code}\` | \`${name}\` | ${d.message} |`,
);
console.log(['| status | code | name (for `builtInErrors`) | message |', '| --- | --- | --- | --- |', ...rows].join('\n'));
