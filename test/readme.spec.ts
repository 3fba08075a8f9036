import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { BUILT_IN_ERRORS } from '../src';
import { EDGE_CASES } from './fixtures/edge-cases';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  expect(start).toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

describe('README', () => {
  it('lists exactly the built-in errors, with their status, code and message', () => {
    const rows = section('Built-in codes')
      .split('\n')
      .filter((line) => /^\| \d{3} \|/.test(line))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim().replace(/`/g, '')),
      );
    const expected = Object.entries(BUILT_IN_ERRORS).map(([name, d]) => [
      String(d.status),
      String(d.code),
      name,
      d.message,
    ]);
    expect(rows).toEqual(expected);
  });

  it('shows the quick-start commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });

  it.each([
    'docsBaseUrl',
    'format',
    'negotiate',
    'catalog',
    'builtInErrors',
    'requestIdHeader',
    'trustRequestId',
    'asyncContext',
    'generateRequestId',
    'exposeInternalErrors',
    'validation',
    'mappings',
    'filter',
    'keepResponseHeaders',
    'warnOnConflicts',
    'reporters',
    'openTelemetry',
    'requestIdFromTraceparent',
  ])('documents the option %s with its default', (option) => {
    expect(section('Configuration')).toMatch(
      new RegExp(`^\\| \`${option}\` \\| [^|]+ \\|`, 'm'),
    );
  });
});

describe('README: hostile and malformed requests', () => {
  it('lists exactly the adversarial suite’s inputs with their one answer', () => {
    const rows = section('Hostile and malformed requests')
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| input'))
      .filter((line) => !line.startsWith('| ---'));
    expect(rows).toEqual(
      EDGE_CASES.map(
        (edge) =>
          `| ${edge.input} | ${edge.status} | \`${edge.code}\` | ${edge.message} |`,
      ),
    );
  });
});
