import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INestApplication } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';

import type { ErrorFormat, ErrorFormatName } from '../src';
import {
  CodeMessageFormat,
  MessageErrorsFormat,
} from './fixtures/custom-formats';
import { FormatsAppModule } from './fixtures/formats.fixtures';
import { createApp, http } from './utils/create-app';

/**
 * The README's "Wire formats" examples are real responses: each block between
 * `<!-- wire-example:NAME -->` markers is compared with what this test gets.
 * `UPDATE_README=1 npx jest test/readme-wire-formats.e2e-spec.ts` rewrites them.
 */
const README = join(__dirname, '..', 'README.md');
const REQUEST_ID = 'e2cef6f6-296d-4044-b362-73fb2bce4a72';
const TIMESTAMP = '2026-11-25T10:00:00.000Z';

const FORMATS: Record<string, ErrorFormatName | ErrorFormat> = {
  envelope: 'envelope',
  problem: 'problem',
  nest: 'nest',
  'seed-002': MessageErrorsFormat,
  'seed-003': CodeMessageFormat,
};

/** [example name, format, method, url, body?] */
const EXAMPLES: Array<[string, string, 'get' | 'post', string, object?]> = [
  ['envelope:details', 'envelope', 'get', '/formats/details?verbose=1'],
  ['problem:details', 'problem', 'get', '/formats/details?verbose=1'],
  ['nest:details', 'nest', 'get', '/formats/details?verbose=1'],
  ['problem:own-message', 'problem', 'get', '/nest/not-found'],
  ['envelope:validation', 'envelope', 'post', '/formats/fields', {}],
  ['problem:validation', 'problem', 'post', '/formats/fields', {}],
  ['nest:validation', 'nest', 'post', '/formats/fields', {}],
  ['seed-002:validation', 'seed-002', 'post', '/formats/fields', {}],
  ['seed-003:api-exception', 'seed-003', 'get', '/api-exception'],
];

function block(res: {
  status: number;
  headers: Record<string, string>;
  text: string;
}): string {
  const body = JSON.parse(res.text) as Record<string, unknown>;
  if (typeof body.timestamp === 'string') body.timestamp = TIMESTAMP;
  return [
    `\`HTTP ${res.status}\`, \`Content-Type: ${res.headers['content-type']}\``,
    '',
    '```json',
    JSON.stringify(body, null, 2),
    '```',
  ].join('\n');
}

describe('README wire-format examples', () => {
  const apps = new Map<string, INestApplication>();

  beforeAll(async () => {
    for (const [name, format] of Object.entries(FORMATS))
      apps.set(
        name,
        await createApp(
          FormatsAppModule.withOptions({
            docsBaseUrl: 'https://api.example.com/docs/errors',
            format,
          }),
          ExpressAdapter,
        ),
      );
  });
  afterAll(async () => {
    for (const app of apps.values()) await app.close();
  });

  it('shows real responses', async () => {
    let readme = readFileSync(README, 'utf8');
    const mismatches: string[] = [];
    for (const [name, format, method, url, body] of EXAMPLES) {
      const req = http(apps.get(format)!)
        [method](url)
        .set('x-request-id', REQUEST_ID);
      const res = await (body === undefined ? req : req.send(body));
      const actual = block(res);
      const open = `<!-- wire-example:${name} -->\n`;
      const close = '\n<!-- /wire-example -->';
      const start = readme.indexOf(open);
      expect({ name, found: start !== -1 }).toEqual({ name, found: true });
      const end = readme.indexOf(close, start);
      const current = readme.slice(start + open.length, end);
      if (current !== actual) mismatches.push(name);
      readme =
        readme.slice(0, start + open.length) + actual + readme.slice(end);
    }
    if (process.env.UPDATE_README === '1') writeFileSync(README, readme);
    else expect(mismatches).toEqual([]);
  });

  it('shows the custom formats exactly as tested', () => {
    const readme = readFileSync(README, 'utf8');
    const source = readFileSync(
      join(__dirname, 'fixtures', 'custom-formats.ts'),
      'utf8',
    );
    for (const name of ['MessageErrorsFormat', 'CodeMessageFormat']) {
      const start = source.indexOf(`export const ${name}`);
      const end = source.indexOf('\n};\n', start) + 3;
      expect(readme).toContain(source.slice(start, end));
    }
  });
});
