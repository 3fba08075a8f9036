import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';

import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  // Nothing else is needed: ErrorsModule registers the filter, the request ids and the pipe.
  const app = await NestFactory.create(AppModule);
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  const key = "-H 'x-api-key: demo-key'";
  const json = "-H 'content-type: application/json'";
  process.stdout.write(
    [
      `\nSample API on ${base}. Try:\n`,
      `  curl -i ${base}/projects ${key}                         # 200, x-request-id header`,
      `  curl -i ${base}/projects                                # 401 missing key (code 2001)`,
      `  curl -i ${base}/projects -H 'x-api-key: nope'           # 401 invalid key with cause`,
      `  curl -i ${base}/projects/99 ${key}                      # 404 project_not_found`,
      `  curl -i ${base}/projects/abc ${key}                     # 400 from ParseIntPipe`,
      `  curl -i ${base}/nowhere                                 # 404 unknown route`,
      `  curl -i ${base}/projects ${key} ${json} -d '{"name":"x","owner":{"email":"no"},"members":[{"email":"a@b.co","role":"boss"}]}'   # 422 field map`,
      `  curl -i ${base}/projects ${key} ${json} -d '{"name":"Apollo","owner":{"name":"A","email":"a@b.co"}}'   # 409 conflict`,
      `  curl -i -X POST ${base}/projects/2/deploy ${key}         # 402 request failed`,
      `  curl -i ${base}/projects ${key} ${json} -d '{"name": '   # 400 malformed JSON`,
      `  curl -i ${base}/projects/1/report ${key}                # 500, generic message, stack in this log`,
      `  curl -i ${base}/projects -H 'x-api-key: demo-key' -H 'x-request-id: my-trace-1'   # your id echoed back\n`,
    ].join('\n') + '\n',
  );
}

void bootstrap();
