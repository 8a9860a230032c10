// The record written after a message was handed to its channel is retried while the database is away (a restart,
// a cut connection), so the retried activity does not find the attempt still `sending` and send it again
// (found by npm run drill:faults). Any other error is thrown at once.
import { ConnectionRefusedError, ValidationError } from 'sequelize';
import { isDatabaseAway, whileDatabaseAway } from '../../engine/db/while-away';

const cut = () => Object.assign(new Error('Connection terminated unexpectedly'), {});
const shuttingDown = () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

test('tells a database that is away from an error of the write itself', () => {
  expect(isDatabaseAway(cut())).toBe(true);
  expect(isDatabaseAway(shuttingDown())).toBe(true);
  expect(isDatabaseAway(new ConnectionRefusedError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })))).toBe(true);
  expect(isDatabaseAway(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
  expect(isDatabaseAway(new ValidationError('bad', []))).toBe(false);
});

test('tries again while the database is away, and returns what the write returned', async () => {
  let calls = 0;
  const result = await whileDatabaseAway(async () => {
    calls += 1;
    if (calls < 3) throw calls === 1 ? cut() : shuttingDown();
    return 'recorded';
  });
  expect(result).toBe('recorded');
  expect(calls).toBe(3);
});

test('throws the write’s own error at once, and gives up when the database stays away', async () => {
  let calls = 0;
  await expect(whileDatabaseAway(async () => {
    calls += 1;
    throw Object.assign(new Error('duplicate key value'), { code: '23505' });
  })).rejects.toThrow('duplicate key value');
  expect(calls).toBe(1);
  const started = Date.now();
  await expect(whileDatabaseAway(async () => {
    throw cut();
  }, 600)).rejects.toThrow('Connection terminated');
  expect(Date.now() - started).toBeLessThan(2000);
});
