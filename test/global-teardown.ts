import { createSequelize } from '../engine/db/database';

export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__tingvallaTestServices;
  if (!running) return;
  if (running.serverOwnerUrl) {
    const admin = createSequelize(running.serverOwnerUrl);
    await admin.query(`DROP DATABASE IF EXISTS "${running.databaseName}" WITH (FORCE)`).catch(() => undefined);
    await admin.close();
  }
  for (const stop of running.stop.reverse()) await stop().catch(() => undefined);
}
