import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';

/** The app's OpenAPI document as a client would read it (plain JSON). */
export function openApiDocumentOf(app: INestApplication): OpenAPIObject {
  return JSON.parse(
    JSON.stringify(
      SwaggerModule.createDocument(
        app,
        new DocumentBuilder().setTitle('t').build(),
      ),
    ),
  ) as OpenAPIObject;
}

/** Validates with @seriousme/openapi-schema-validator's CLI (an ESM package, run in its own Node process). */
export function validateOpenApi(document: OpenAPIObject): {
  valid: boolean;
  errors?: unknown;
} {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const cli =
      require.resolve('@seriousme/openapi-schema-validator/bin/validate-api-cli.js');
    const run = spawnSync(process.execPath, [cli, file], { encoding: 'utf8' });
    return JSON.parse(run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
