import { ConfigError, loadConfig } from '../../engine/config';

describe('configuration', () => {
  it('applies documented defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.TEMPORAL_NAMESPACE).toBe('tingvalla');
    expect(config.TEST_IDP).toBe('off');
  });

  it('refuses bad values and names every offending variable', () => {
    expect(() => loadConfig({ PORT: '30o0', LOG_LEVEL: 'loud', TEMPORAL_ADDRESS: 'no port' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: '30o0', LOG_LEVEL: 'loud', TEMPORAL_ADDRESS: 'no port' });
    } catch (err) {
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/LOG_LEVEL/);
      expect(problems).toMatch(/TEMPORAL_ADDRESS/);
    }
  });

  it('refuses unknown-range numbers', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('refuses development conveniences in production', () => {
    let problems: string[] = [];
    try {
      loadConfig({ NODE_ENV: 'production', TEST_IDP: 'on' });
    } catch (err) {
      problems = (err as ConfigError).problems;
    }
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/TEMPORAL_ADDRESS/);
    expect(problems.join('\n')).toMatch(/TEMPORAL_CODEC_KEYS/);
    expect(problems.join('\n')).toMatch(/TEST_IDP/);
    expect(problems.join('\n')).toMatch(/DATA_MASTER_KEYS/);
    expect(problems.join('\n')).toMatch(/SMTP_URL/);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://owner:pw@db:5432/tingvalla',
      DATABASE_APP_PASSWORD: 'a-long-secret',
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_CODEC_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
      DATA_MASTER_KEYS: `m1:${Buffer.alloc(32, 9).toString('base64')}`,
      SMTP_URL: 'smtp://mail.example.dk:587',
    });
    expect(config.NODE_ENV).toBe('production');
  });
});
