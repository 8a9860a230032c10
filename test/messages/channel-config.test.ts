// The channels' configuration: a service URL needs its credentials, production needs the callbacks' shared
// secret (and for SMS the public origin the gateway calls back), and bad values are named.
import { ConfigError, loadConfig } from '../../engine/config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
};

const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://owner:pw@db:5432/tingvalla',
  DATABASE_APP_PASSWORD: 'a-long-secret',
  TEMPORAL_ADDRESS: 'temporal:7233',
  TEMPORAL_CODEC_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  DATA_MASTER_KEYS: `m1:${Buffer.alloc(32, 9).toString('base64')}`,
  SMTP_URL: 'smtp://mail.example.dk:587',
};

it('wants the credentials with a channel URL', () => {
  expect(problemsOf({ DIGITAL_POST_URL: 'https://dp.example.dk' }).join('\n')).toMatch(/DIGITAL_POST_USER, DIGITAL_POST_PASSWORD: required with DIGITAL_POST_URL/);
  expect(problemsOf({ SMS_URL: 'https://sms.example.dk' }).join('\n')).toMatch(/SMS_TOKEN: required with SMS_URL/);
  expect(problemsOf({ SMS_URL: 'https://sms.example.dk', SMS_TOKEN: 'x'.repeat(20) })).toEqual([]);
});

it('names bad channel values', () => {
  const problems = problemsOf({ DIGITAL_POST_URL: 'ftp://dp', SMS_SENDER: 'A sender name far too long', DIGITAL_POST_SENDER_ID: '123', CHANNEL_CALLBACK_SECRET: 'short' }).join('\n');
  for (const name of ['DIGITAL_POST_URL', 'SMS_SENDER', 'DIGITAL_POST_SENDER_ID', 'CHANNEL_CALLBACK_SECRET']) expect(problems).toMatch(new RegExp(name));
});

it('wants the callback secret and the public origin in production', () => {
  const channels = { DIGITAL_POST_URL: 'https://dp.example.dk', DIGITAL_POST_USER: 'kommune', DIGITAL_POST_PASSWORD: 'a-long-password', SMS_URL: 'https://sms.example.dk', SMS_TOKEN: 'x'.repeat(20) };
  const problems = problemsOf({ ...production, ...channels }).join('\n');
  expect(problems).toMatch(/CHANNEL_CALLBACK_SECRET: required in production/);
  expect(problems).toMatch(/PUBLIC_CALLBACK_ORIGIN: required in production/);
  const config = loadConfig({ ...production, ...channels, CHANNEL_CALLBACK_SECRET: 's'.repeat(40), PUBLIC_CALLBACK_ORIGIN: 'https://api.korsbaek.dk' });
  expect(config.SMS_SENDER).toBe('Tingvalla');
  // Without channel URLs production needs neither (no Digital Post, no SMS).
  expect(problemsOf(production)).toEqual([]);
});
