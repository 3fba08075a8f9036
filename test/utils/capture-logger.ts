import type { LoggerService } from '@nestjs/common';

/** A real LoggerService that keeps what was logged, level by level. */
export class CaptureLogger implements LoggerService {
  readonly entries: Array<{
    level: string;
    message: unknown;
    params: unknown[];
  }> = [];

  log(message: unknown, ...params: unknown[]) {
    this.push('log', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.push('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.push('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.push('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.push('verbose', message, params);
  }

  errors() {
    return this.entries.filter((e) => e.level === 'error');
  }

  private push(level: string, message: unknown, params: unknown[]) {
    this.entries.push({ level, message, params });
  }
}
