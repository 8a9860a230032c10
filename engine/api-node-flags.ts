// The Node.js flags of a process that serves HTTP (npm start, npm run start:api, the API role spawned by the
// development cluster and the benchmarks). A larger young generation: V8's default semi-space (16 MB) fills every
// few hundred requests under a burst, and each scavenge copies what is still alive (the requests in flight); at
// 64 MB scavenges come a quarter as often, and GC's share of the API's CPU per vote halved in bench:votes --profile
// (~75 → ~38 µs per request). It costs at most ~150 MB more resident memory per process. package.json's scripts
// carry the same flags (test/integration/api-node-flags.test.ts checks that they do).
export const API_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
