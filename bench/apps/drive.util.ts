import { Agent, request } from 'node:http';

import type { BenchRoute } from '../bench.routes';

/**
 * Sends `count` requests of `route`, one at a time on one keep-alive
 * connection, to the app listening on `port` in this same process: the whole
 * request path (client and server) in one process, for an instruction count.
 * Resolves with the statuses seen.
 */
export async function driveRequests(port: number, route: BenchRoute, count: number): Promise<Map<number, number>> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const statuses = new Map<number, number>();
  const headers = route.body === undefined ? {} : { 'content-type': 'application/json' };
  try {
    for (let i = 0; i < count; i++) {
      const status = await new Promise<number>((resolve, reject) => {
        const sent = request({ host: '127.0.0.1', port, method: route.method, path: route.path, headers, agent }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        });
        sent.on('error', reject);
        sent.end(route.body);
      });
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  } finally {
    agent.destroy();
  }
  return statuses;
}
