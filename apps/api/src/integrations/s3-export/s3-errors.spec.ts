import { OutboundBlockedError } from '../../outbound/outbound.types';
import { describeS3Error } from './s3-errors';

const s3Error = (name: string, httpStatusCode = 403) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode } });

describe('describeS3Error', () => {
  it.each([
    ['InvalidAccessKeyId', 'bad_credentials', 'access key ID'],
    ['SignatureDoesNotMatch', 'bad_credentials', 'secret access key'],
    ['NoSuchBucket', 'missing_bucket', '"b" does not exist'],
    ['AccessDenied', 'access_denied', 'Access denied'],
  ])('%s → %s', (name, reason, text) => {
    const f = describeS3Error(s3Error(name), 'b');
    expect(f.reason).toBe(reason);
    expect(f.message).toContain(text);
  });

  it('names unreachable endpoints and blocked ones', () => {
    expect(
      describeS3Error(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
        'b',
      ),
    ).toMatchObject({
      reason: 'unreachable',
      retryable: true,
    });
    expect(
      describeS3Error(new Error('AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:1'), 'b'),
    ).toMatchObject({
      reason: 'unreachable',
      message: 'The S3 endpoint is unreachable (ECONNREFUSED)',
    });
    expect(describeS3Error(new OutboundBlockedError('127.0.0.1 is a loopback address'), 'b')).toMatchObject({
      reason: 'blocked',
      retryable: false,
    });
  });
});
