// The baseline of `npm run bench:votes`: a bare Express 5 application with express.json() on the vote route's
// path, which parses the same JSON body and answers 200 with a body of the vote route's shape, touching no
// database. Run as a child process of the bench (its own event loop, like the platform's); it prints
// `{"port":N}` on stdout once it listens on 127.0.0.1 and runs until it is killed.
import express from 'express';
import type { AddressInfo } from 'node:net';

const app = express();
app.disable('x-powered-by');
app.use(express.json({ limit: '64kb' }));
let votes = 0;
app.post('/api/petitions/:id/vote', (req, res) => {
  if (typeof req.body !== 'object' || req.body === null) {
    res.status(400).json({ error: 'a JSON object' });
    return;
  }
  res.status(200).json({ votes: ++votes });
});

const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
