import { OutboundUrlBlockedError } from '../common/errors/domain-errors';
import { loadConfig } from '../config/app-config';
import { OutboundUrlValidator } from './outbound-url-validator';

const validator = (allow = '') => new OutboundUrlValidator(loadConfig({ OUTBOUND_ALLOW: allow }));

describe('OutboundUrlValidator', () => {
  it.each([
    'http://127.1/',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://localhost/',
    'http://localhost./',
    'http://example.com@127.0.0.1/',
    'ftp://127.0.0.1/',
  ])('refuses %s with OUTBOUND_URL_BLOCKED', async (url) => {
    const err = await validator()
      .assertAllowed('url', url)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(OutboundUrlBlockedError);
    expect(err).toMatchObject({ status: 400, extra: { code: 'OUTBOUND_URL_BLOCKED', field: 'url' } });
    expect((err as Error).message).toContain('OUTBOUND_ALLOW');
  });

  it('lets OUTBOUND_ALLOW exempt a range or a hostname, and nothing more', async () => {
    await validator('127.0.0.0/8').assertAllowed('url', 'http://127.1:9000/');
    await validator('localhost').assertAllowed('url', 'http://localhost./hook');
    await expect(validator('127.0.0.1').assertAllowed('url', 'http://[::1]/')).rejects.toThrow(
      OutboundUrlBlockedError,
    );
  });

  it('accepts a name that does not resolve now (the connect-time guard checks it again)', async () => {
    await validator().assertAllowed('url', 'https://hooks.invalid/satchel');
  });
});
