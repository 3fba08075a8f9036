import {
  Body,
  Controller,
  createParamDecorator,
  Get,
  Headers,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import type { ModulesContainer } from '@nestjs/core';

import {
  declaredParameters,
  rememberModules,
  singlePipedParameter,
} from './declared-parameters.registry';

@Controller('items')
class ItemsController {
  @Get(':id')
  find(@Param('id', ParseIntPipe) _id: number, @Query('q') _q: string) {}

  @Get()
  list(@Query('page', new ParseIntPipe()) _page: number) {}

  @Post(':uuid')
  create(@Param('uuid', ParseUUIDPipe) _uuid: string) {}
}

const CurrentUser = createParamDecorator(() => 'user');

@Controller('signup')
class SignupController {
  @Post()
  create(@Body() _dto: object, @Req() _req: object, @Headers() _h: object) {}

  @Put(':id')
  replace(@Param('id') _id: string, @Body() _dto: object) {}

  @Post('as-user')
  asUser(@CurrentUser() _user: string, @Body() _dto: object) {}
}

/** Another controller whose route ends like SignupController's. */
@Controller('v2/signup')
class SignupV2Controller {
  @Post()
  create(@Body() _dto: object, @Query() _query: object) {}
}

const container = (...controllers: Array<new () => object>) =>
  new Map([
    [
      'app',
      {
        controllers: new Map(
          controllers.map((controller) => [
            controller,
            { metatype: controller },
          ]),
        ),
      },
    ],
  ]) as unknown as ModulesContainer;

const modules = container(ItemsController);

describe('declaredParameters', () => {
  const owner = {};
  beforeAll(() => rememberModules(owner, modules));

  it.each([
    [
      'GET',
      '/items/:id',
      [{ source: 'params', name: 'id', kind: 'numeric string' }],
    ],
    [
      'GET',
      '/api/v1/items/:id',
      [{ source: 'params', name: 'id', kind: 'numeric string' }],
    ],
    [
      'GET',
      '/items',
      [{ source: 'query', name: 'page', kind: 'numeric string' }],
    ],
    [
      'POST',
      '/items/:uuid',
      [{ source: 'params', name: 'uuid', kind: 'uuid' }],
    ],
    ['DELETE', '/items/:id', []],
    ['GET', '/other/:id', []],
  ])('%s %s', (method, pattern, expected) => {
    expect(declaredParameters(owner, method, pattern)).toEqual(expected);
  });

  it('knows nothing of an app it was not told about', () => {
    expect(declaredParameters({}, 'GET', '/items/:id')).toBeUndefined();
  });
});

describe('singlePipedParameter', () => {
  const owner = {};
  beforeAll(() => rememberModules(owner, container(SignupController)));

  it.each([
    ['a body and arguments Nest runs no pipe on', 'POST', '/signup', true],
    ['behind a global prefix and a version', 'POST', '/api/v1/signup', true],
    ['a path parameter and a body', 'PUT', '/signup/:id', false],
    ['a custom decorator and a body', 'POST', '/signup/as-user', false],
    ['a method no handler of the route serves', 'GET', '/signup', false],
    ['a route no handler declares', 'POST', '/other', false],
  ])('%s: %s %s gives %p', (_name, method, pattern, expected) => {
    expect(singlePipedParameter(owner, method, pattern)).toBe(expected);
    // Kept per route: the second answer agrees.
    expect(singlePipedParameter(owner, method, pattern)).toBe(expected);
  });

  it('is false when any handler the route can reach takes several', () => {
    const both = {};
    rememberModules(both, container(SignupController, SignupV2Controller));
    expect(singlePipedParameter(both, 'POST', '/v2/signup')).toBe(false);
  });

  it('knows nothing of an app it was not told about', () => {
    expect(singlePipedParameter({}, 'POST', '/signup')).toBe(false);
  });
});
