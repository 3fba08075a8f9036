import { Controller, Get, Module, NotFoundException, VERSION_NEUTRAL } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ExpressAdapter } from '@nestjs/platform-express';
import request from 'supertest';

@Controller()
class C { @Get('x') x() { throw new NotFoundException('nope'); } }
@Module({ controllers: [C] }) class M {}

describe.each([ExpressAdapter, FastifyAdapter])('%p', (A) => {
  it('works', async () => {
    const m = await Test.createTestingModule({ imports: [M] }).compile();
    const app = m.createNestApplication(new (A as any)());
    await app.init(); await app.getHttpAdapter().getInstance().ready?.();
    const r = await request(app.getHttpServer()).get('/x');
    console.log(require('@nestjs/core/package.json').version, r.status, r.body, VERSION_NEUTRAL);
    await app.close();
  });
});
