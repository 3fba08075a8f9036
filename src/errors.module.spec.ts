import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';

import { ERRORS_MODULE_OPTIONS } from './errors.module-definition';
import type { ErrorsOptionsFactory } from './errors.module-definition';
import { ErrorsModule } from './errors.module';
import { RESOLVED_ERRORS_OPTIONS } from './errors.internal-constants';
import type { ResolvedErrorsOptions } from './errors-module.options';
import type { ErrorsModuleOptions } from './errors-module-options.interface';

const OPTIONS: ErrorsModuleOptions = {
  docsBaseUrl: 'https://x.test/errors/',
  requestIdHeader: 'X-Trace',
};

@Injectable()
class OptionsFactory implements ErrorsOptionsFactory {
  createErrorsOptions(): ErrorsModuleOptions {
    return OPTIONS;
  }
}

@Module({
  providers: [{ provide: 'DOCS', useValue: 'https://inj.test' }],
  exports: ['DOCS'],
})
class DocsModule {}

describe('ErrorsModule', () => {
  async function resolve(module: ReturnType<typeof ErrorsModule.forRoot>) {
    const ref = await Test.createTestingModule({ imports: [module] }).compile();
    return {
      raw: ref.get<ErrorsModuleOptions>(ERRORS_MODULE_OPTIONS, {
        strict: false,
      }),
      resolved: ref.get<ResolvedErrorsOptions>(RESOLVED_ERRORS_OPTIONS, {
        strict: false,
      }),
    };
  }

  it('forRoot() works with no options and applies the defaults', async () => {
    const { raw, resolved } = await resolve(ErrorsModule.forRoot());
    expect(raw).toEqual({});
    expect(resolved).toMatchObject({
      docsBaseUrl: '/docs/errors',
      requestIdHeader: 'x-request-id',
      trustRequestId: true,
      exposeInternalErrors: false,
      validation: {},
    });
  });

  it.each([
    ['forRoot(options)', ErrorsModule.forRoot(OPTIONS)],
    [
      'forRootAsync with a sync factory',
      ErrorsModule.forRootAsync({ useFactory: () => OPTIONS }),
    ],
    [
      'forRootAsync with an async factory',
      ErrorsModule.forRootAsync({ useFactory: async () => OPTIONS }),
    ],
    [
      'forRootAsync with useClass',
      ErrorsModule.forRootAsync({ useClass: OptionsFactory }),
    ],
  ])('%s reads the options back', async (_label, module) => {
    const { raw, resolved } = await resolve(module);
    expect(raw).toEqual(OPTIONS);
    expect(resolved).toMatchObject({
      docsBaseUrl: 'https://x.test/errors',
      requestIdHeader: 'x-trace',
    });
  });

  it('forRootAsync with imports and inject', async () => {
    const { resolved } = await resolve(
      ErrorsModule.forRootAsync({
        imports: [DocsModule],
        inject: ['DOCS'],
        useFactory: (docs: string) => ({ docsBaseUrl: docs }),
      }),
    );
    expect(resolved.docsBaseUrl).toBe('https://inj.test');
  });

  it('fails to compile with an unknown built-in name', async () => {
    await expect(
      resolve(
        ErrorsModule.forRoot({ builtInErrors: { Nope: { code: 1 } } as never }),
      ),
    ).rejects.toThrow('builtInErrors.Nope does not name a built-in error.');
  });
});
