// Checks what `npm pack` would publish: dist/ with declarations and the
// README, nothing from src/, test/, sample/, bench/ or compat/, no source maps.
const { execFileSync } = require('node:child_process');

const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
const files = JSON.parse(out)[0].files.map((f) => f.path);
const problems = [];
for (const required of [
  'package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts',
  // nestjs-api-errors/testing, /testing/jest and /testing/vitest
  'dist/testing/index.js', 'dist/testing/index.d.ts', 'dist/testing/jest.js', 'dist/testing/jest.d.ts',
  'dist/testing/vitest.js', 'dist/testing/vitest.d.ts',
]) {
  if (!files.includes(required)) problems.push(`missing ${required}`);
}
for (const file of files) {
  if (/^(src|test|sample|bench|compat|scripts|\.ci)\//.test(file)) problems.push(`must not ship ${file}`);
  if (file.endsWith('.map') || file.endsWith('.spec.js') || file.endsWith('.spec.d.ts')) problems.push(`must not ship ${file}`);
}
if (problems.length > 0) {
  console.error(`npm pack check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`npm pack check: ${files.length} files, dist/ and README.md only`);
