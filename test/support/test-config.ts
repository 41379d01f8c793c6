import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { buildConfig } from '../../libs/config/src/load-config';
import type { AppConfig } from '../../libs/config/src/app-config';

export const ROOT = resolve(__dirname, '..', '..');
export const TEST_WORKFLOW_BUNDLE = resolve(ROOT, 'var', 'test', 'workflow-bundle.js');
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/rectiflow_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
export const TEST_TEMPORAL_ADDRESS = process.env.TEST_TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
export const TEST_TEMPORAL_NAMESPACE = 'rectiflow-test';

/**
 * Configuration for one test file: the shared test database and Temporal namespace, but its own task queue,
 * BullMQ prefix and storage folder, so test files running in parallel never take each other's work.
 */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const uid = randomBytes(4).toString('hex');
  return buildConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `rftest-${uid}`,
    TEMPORAL_ADDRESS: TEST_TEMPORAL_ADDRESS,
    TEMPORAL_NAMESPACE: TEST_TEMPORAL_NAMESPACE,
    TEMPORAL_TASK_QUEUE: `test-${uid}`,
    TEMPORAL_WORKFLOW_BUNDLE: TEST_WORKFLOW_BUNDLE,
    STORAGE_DIR: resolve(ROOT, 'var', 'test', `storage-${uid}`),
    JWT_SECRET: 'test-only-secret-0123456789abcdef0123456789abcdef',
    // Every test logs in from 127.0.0.1; the per-IP login throttle would otherwise trip on busy test files.
    // Tests of the throttle itself override it.
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    LOGIN_USERNAME_RATE_LIMIT_PER_MINUTE: '10000',
    // Webhook tests deliver to a local sink on 127.0.0.1; the test of the refusal turns this off.
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    ...overrides,
  });
}
