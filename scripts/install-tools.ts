// Installs what the test suites need that npm does not bring: the Temporal CLI and the Java test server.
// .ci/run calls it; `npm start` and the test setup find the same cache and fail with a message if absent.
import { loadConfig } from '../engine/config';
import { ensureTemporalCli, ensureTestServer } from '../engine/dev/tools';

async function main(): Promise<void> {
  const { TOOLS_CACHE_DIR } = loadConfig();
  console.log(`Temporal CLI: ${await ensureTemporalCli(TOOLS_CACHE_DIR)}`);
  console.log(`Temporal test server: ${ensureTestServer(TOOLS_CACHE_DIR)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
