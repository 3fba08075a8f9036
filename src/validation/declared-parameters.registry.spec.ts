import {
  Controller,
  Get,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import type { ModulesContainer } from '@nestjs/core';

import {
  declaredParameters,
  rememberModules,
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

const modules = new Map([
  [
    'app',
    {
      controllers: new Map([[ItemsController, { metatype: ItemsController }]]),
    },
  ],
]) as unknown as ModulesContainer;

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
