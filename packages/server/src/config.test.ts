// The process settings: defaults as README documents them, and clear errors for bad values.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to port 8787 on 127.0.0.1, .data/ at the repository root, demo data on, no CORS', () => {
    const c = loadConfig({}, []);
    expect(c).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      databaseUrl: null,
      corsOrigins: [],
      demo: true,
      logLevel: 'info',
      rateLimit: { perSecond: 50, burst: 100 },
      reportThreads: 1,
    });
    expect(c.dataDir).toBe(fileURLToPath(new URL('../../../.data/', import.meta.url)));
  });

  it('reads PORT, CSCX_DATA_DIR, DATABASE_URL, CSCX_CORS_ORIGINS, CSCX_LOG_LEVEL and --no-demo', () => {
    const c = loadConfig(
      {
        PORT: '9000',
        CSCX_DATA_DIR: '/tmp/x',
        DATABASE_URL: 'postgres://u@h/db',
        CSCX_CORS_ORIGINS: 'https://a.example.com, http://b.example.com:8080',
        CSCX_LOG_LEVEL: 'warn',
        CSCX_REPORT_THREADS: '0',
      },
      ['--no-demo'],
    );
    expect(c).toMatchObject({
      port: 9000,
      dataDir: '/tmp/x',
      databaseUrl: 'postgres://u@h/db',
      corsOrigins: ['https://a.example.com', 'http://b.example.com:8080'],
      logLevel: 'warn',
      demo: false,
      reportThreads: 0,
    });
  });

  it('reads CSCX_CURSOR_SECRET, and without it leaves cursors to a random key per process', () => {
    expect(loadConfig({}, []).cursorSecret).toBeNull();
    const secret = 'k'.repeat(32);
    expect(loadConfig({ CSCX_CURSOR_SECRET: secret }, []).cursorSecret).toBe(secret);
  });

  it('sizes the first-start demo with --customers N or CSCX_DEMO_CUSTOMERS, the flag winning', () => {
    expect(loadConfig({}, []).demoCustomers).toBeNull();
    expect(loadConfig({ CSCX_DEMO_CUSTOMERS: '10002' }, []).demoCustomers).toBe(10_002);
    expect(loadConfig({}, ['--customers', '5']).demoCustomers).toBe(5);
    expect(loadConfig({ CSCX_DEMO_CUSTOMERS: '9' }, ['--customers=7']).demoCustomers).toBe(7);
    expect(() => loadConfig({}, ['--customers', '1'])).toThrow(/from 2 .* to 100,000, not 1/);
    expect(() => loadConfig({ CSCX_DEMO_CUSTOMERS: 'lots' }, [])).toThrow(
      /CSCX_DEMO_CUSTOMERS must be a whole number/,
    );
  });

  it.each([
    [{}, ['--customers']],
    [{}, ['--customers', '100001']],
    [{}, ['--no-demo', '--customers', '50']],
    [{ CSCX_DEMO: '0', CSCX_DEMO_CUSTOMERS: '50' }, []],
    [{ PORT: 'eighty' }, []],
    [{ PORT: '70000' }, []],
    [{ CSCX_CORS_ORIGINS: 'partner.example.com' }, []],
    [{ CSCX_CORS_ORIGINS: 'https://a.example.com/path' }, []],
    [{ CSCX_RATE_LIMIT: 'lots' }, []],
    [{ CSCX_REPORT_THREADS: '9' }, []],
    [{ CSCX_REPORT_THREADS: 'two' }, []],
    [{ CSCX_CURSOR_SECRET: 'too short' }, []],
    [{}, ['--demo-please']],
  ])('refuses %j %j with a message', (env, argv) => {
    expect(() => loadConfig(env, argv)).toThrow(ConfigError);
  });
});
