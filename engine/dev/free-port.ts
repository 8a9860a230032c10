// A free TCP port on the loopback address, handed on for a process a test or a benchmark starts later. Chosen at random
// below Linux's ephemeral range (32768–60999) and checked free: a port the OS picked for us (listen on 0) would
// be released to the same pool every other process's port-0 bind draws from, so a jest worker or a platform
// started meanwhile could take it before our process binds it (it happened: the restart test's Temporal port).
import { createServer } from 'node:net';

const LOW = 20_000;
const HIGH = 32_000;

function tryPort(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if (await tryPort(port)) return port;
  }
  throw new Error(`no free port between ${LOW} and ${HIGH} after 200 tries`);
}
