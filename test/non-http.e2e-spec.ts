import { Controller, Module } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import {
  ClientProxyFactory,
  MessagePattern,
  RpcException,
  Transport,
} from '@nestjs/microservices';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';

import { ErrorsModule } from '../src';
import { createApp } from './utils/create-app';
import { platforms } from './utils/platforms';

@Controller()
class RpcController {
  @MessagePattern('rpc-exception')
  rpcException(): never {
    throw new RpcException({ status: 'error', message: 'Order 7 is locked.' });
  }

  @MessagePattern('unknown-error')
  unknownError(): never {
    throw new Error('secret internals');
  }

  @MessagePattern('ok')
  ok(): string {
    return 'pong';
  }
}

@Module({ imports: [ErrorsModule.forRoot()], controllers: [RpcController] })
class HybridModule {}

describe.each(platforms)(
  'non-HTTP contexts are left to Nest (%p)',
  (Adapter) => {
    let app: INestApplication;
    let client: ClientProxy;

    beforeAll(async () => {
      const port = 30_000 + Math.floor(Math.random() * 20_000);
      app = await createApp(HybridModule, Adapter, {
        setup: (a) =>
          a.connectMicroservice(
            { transport: Transport.TCP, options: { host: '127.0.0.1', port } },
            { inheritAppConfig: true },
          ),
      });
      await app.startAllMicroservices();
      client = ClientProxyFactory.create({
        transport: Transport.TCP,
        options: { host: '127.0.0.1', port },
      });
      await client.connect();
    });
    afterAll(async () => {
      await client.close();
      await app.close();
    });

    it('answers a microservice message as usual', async () => {
      await expect(firstValueFrom(client.send('ok', {}))).resolves.toBe('pong');
    });

    it('passes an RpcException through unchanged', async () => {
      await expect(
        firstValueFrom(client.send('rpc-exception', {})),
      ).rejects.toEqual({
        status: 'error',
        message: 'Order 7 is locked.',
      });
    });

    it('answers an unknown error as Nest does, without our envelope', async () => {
      await expect(
        firstValueFrom(client.send('unknown-error', {})),
      ).rejects.toEqual({
        status: 'error',
        message: 'Internal server error',
      });
    });
  },
);
