import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  // Nothing else is needed for errors: ErrorsModule registers the filter, the request ids and the pipe.
  const app = await NestFactory.create(AppModule);
  // Optional: the OpenAPI document, where @ApiErrors lists each route's errors with examples.
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Sample projects API').build(),
  );
  SwaggerModule.setup('openapi', app, document);

  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  const key = "-H 'x-api-key: demo-key'";
  const json = "-H 'content-type: application/json'";
  process.stdout.write(
    [
      `\nSample API on ${base} (OpenAPI: ${base}/openapi), errors in the '${process.env.FORMAT ?? 'envelope'}' format. Try:\n`,
      `  curl -i ${base}/projects ${key}                  # 200, with an x-request-id header`,
      `  curl -i ${base}/projects -H 'x-request-id: my-trace-1' ${key}   # your id echoed back`,
      `  curl -i ${base}/projects                         # 401 missing key (code 2001)`,
      `  curl -i ${base}/projects -H 'x-api-key: nope'    # 401 invalid key, with cause and WWW-Authenticate`,
      `  curl -i ${base}/projects/99 ${key}               # 404 project_not_found (domain error mapped)`,
      `  curl -i ${base}/projects/3 ${key}                # 404 too: another tenant's project is concealed`,
      `  curl -i ${base}/projects/abc ${key}              # 400 names the parameter`,
      `  curl -i -X DELETE ${base}/projects ${key}        # 405 with an Allow header`,
      `  curl -i ${base}/nowhere                          # 404 unknown route`,
      `  curl -i ${base}/nowhere -H 'accept: application/problem+json'   # 404 as RFC 9457 problem details`,
      `  curl -i ${base}/projects ${key} ${json} -d '{"name":"x","owner":{"email":"no"},"members":[{"email":"a@b.co","role":"boss"}]}'   # 422 field map`,
      `  curl -i ${base}/projects ${key} ${json} -d '{"name":"Apollo","owner":{"name":"A","email":"a@b.co"}}'   # 409 conflict`,
      `  curl -i -X POST ${base}/projects/2/deploy ${key}  # 402 request failed`,
      `  curl -i -X POST ${base}/projects/1/export ${key}  # 503 with Retry-After: 120`,
      `  curl -i ${base}/projects ${key} ${json} -d '{"name": '   # 400 malformed JSON`,
      `  curl -i ${base}/projects/1/report ${key}         # 500, generic message; the stack is in this log`,
      `  (POST /projects more than 3 times a minute)      # 429 with Retry-After\n`,
    ].join('\n') + '\n',
  );
}

void bootstrap();
