import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';

/** Nest's own base filter per context type, loaded only if that context is used. */
const BASE_FILTERS: Record<string, [pkg: string, exportName: string]> = {
  rpc: ['@nestjs/microservices', 'BaseRpcExceptionFilter'],
  ws: ['@nestjs/websockets', 'BaseWsExceptionFilter'],
};
const loaded = new Map<string, ExceptionFilter | null>();

/**
 * @internal Answers a non-HTTP error exactly as Nest would without this
 * module: microservices and WebSockets through their base filters, other
 * contexts (GraphQL) by rethrowing, which is what Nest's external filter does.
 */
export function delegateToNest(
  exception: unknown,
  host: ArgumentsHost,
): unknown {
  const filter = loadBaseFilter(host.getType());
  if (filter) return filter.catch(exception, host);
  throw exception;
}

function loadBaseFilter(type: string): ExceptionFilter | null {
  if (loaded.has(type)) return loaded.get(type)!;
  let filter: ExceptionFilter | null = null;
  const source = BASE_FILTERS[type];
  if (source) {
    try {
      const Base = require(source[0])[source[1]] as new () => ExceptionFilter;
      filter = new Base();
    } catch {
      filter = null;
    }
  }
  loaded.set(type, filter);
  return filter;
}
