import { Body, Controller, Module, Post } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsString, ValidateNested, IsOptional, IsArray } from 'class-validator';
import { ErrorsModule } from '../src';
import { createApp } from './utils/create-app';
import { listen, rawRequest } from './utils/raw-http';
import { CaptureLogger } from './utils/capture-logger';
import { platforms } from './utils/platforms';
class Child { @IsString() name!: string; @IsOptional() @ValidateNested() @Type(() => Child) child?: Child; }
class Dto { @IsString() name!: string; @IsOptional() anything?: unknown; @IsOptional() @ValidateNested() @Type(() => Child) child?: Child; @IsOptional() @IsArray() tags?: unknown[]; }
@Controller('u')
class F {
  @Post() body(@Body() b: Dto) { return { ok: true }; }
  @Post('raw') raw(@Body() b: unknown) { return { ok: typeof b }; }
}
@Module({ imports: [ErrorsModule.forRoot()], controllers: [F] })
class FM {}
describe.each(platforms)('probe %p', (A) => {
  let app: INestApplication; const logger = new CaptureLogger(); let port: number;
  beforeAll(async () => { app = await createApp(FM, A, { logger, appOptions: { bodyParser: true } }); port = await listen(app); });
  afterAll(() => app.close());
  it('probes', async () => {
    const deep = (n: number, open: string, close: string, leaf: string) => open.repeat(n) + leaf + close.repeat(n);
    const cases: [string, string][] = [
      ['/u', `{"name":"a","anything":${deep(5000, '[', ']', '1')}}`],
      ['/u', `{"name":"a","anything":${deep(5000, '{"a":', '}', '1')}}`],
      ['/u', `{"name":"a","child":${deep(3000, '{"name":"x","child":', '}', '{"name":"y"}')}}`],
      ['/u', `{"name":"a","child":${deep(3000, '{"name":1,"child":', '}', '{"name":2}')}}`],
      ['/u', `{"name":"a","tags":${deep(5000, '[', ']', '1')}}`],
      ['/u/raw', deep(5000, '[', ']', '1')],
      ['/u', `{"name":"a","anything":${deep(50000, '[', ']', '1')}}`],
    ];
    for (const [path, body] of cases) {
      const r = await rawRequest(port, `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`, { timeoutMs: 20000 });
      console.log('R', path, body.slice(0, 30), body.length, r?.status, r?.body.slice(0, 250));
    }
    console.log('ERR', JSON.stringify(logger.errors().map((e) => e.message)).slice(0, 800));
  });
});
