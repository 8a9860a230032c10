// What test/global-setup.ts started for this run, handed to every suite through the environment.
import { loadConfig, type Config } from '../../engine/config';

export interface TestServices {
  ownerUrl: string;
  appUrl: string;
  temporalAddress: string;
  temporalUiUrl: string;
  workflowBundlePath: string;
  testServerPath: string;
  chromiumPath: string;
}

const KEYS = ['TEST_OWNER_URL', 'TEST_APP_URL', 'TEST_TEMPORAL_ADDRESS', 'TEST_TEMPORAL_UI_URL', 'TEST_WORKFLOW_BUNDLE', 'TEST_TEMPORAL_TEST_SERVER', 'TEST_CHROMIUM'] as const;

export function testServices(): TestServices {
  const missing = KEYS.filter((k) => !process.env[k]);
  if (missing.length > 0) throw new Error(`test/global-setup.ts did not provide ${missing.join(', ')}: run the suites through \`npm test\` (jest with its global setup).`);
  const e = process.env as Record<(typeof KEYS)[number], string>;
  return {
    ownerUrl: e.TEST_OWNER_URL,
    appUrl: e.TEST_APP_URL,
    temporalAddress: e.TEST_TEMPORAL_ADDRESS,
    temporalUiUrl: e.TEST_TEMPORAL_UI_URL,
    workflowBundlePath: e.TEST_WORKFLOW_BUNDLE,
    testServerPath: e.TEST_TEMPORAL_TEST_SERVER,
    chromiumPath: e.TEST_CHROMIUM,
  };
}

/** The configuration tests run with: test mode, quiet logs, the run's Temporal Web UI behind /temporal. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', TEMPORAL_UI_URL: process.env.TEST_TEMPORAL_UI_URL, ...overrides });
}
