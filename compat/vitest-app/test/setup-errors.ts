import 'nestjs-api-errors/testing/vitest';
