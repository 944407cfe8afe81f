import type { FromUrlOAuth } from '@satchel/contracts';
import { ValidationError } from '../common/errors/domain-errors';
import type { OutboundHttpService } from '../outbound/outbound-http.service';
import { OutboundBlockedError } from '../outbound/outbound.types';
import { readBodyCapped } from '../outbound/read-body-capped';

const TOKEN_BODY_MAX = 64 * 1024;

/** The token endpoint refused or answered something unusable; `reason` is safe to show. */
export class OAuthTokenError extends Error {
  constructor(
    readonly reason: string,
    readonly status = 422,
  ) {
    super(reason);
  }
}

/**
 * The `Authorization` value for seed 003's `oauth` object: a given bearer token, or one obtained
 * with the client-credentials grant at `tokenUrl` (client_secret_basic), fetched through the SSRF
 * guard like the file itself, without following redirects.
 */
export async function authorizationFor(outbound: OutboundHttpService, oauth: FromUrlOAuth): Promise<string> {
  if (oauth.accessToken) return `${oauth.tokenType || 'Bearer'} ${oauth.accessToken}`;
  const { tokenUrl, clientId, clientSecret } = oauth;
  if (!tokenUrl || !clientId || !clientSecret)
    throw new ValidationError('oauth needs accessToken, or tokenUrl with clientId and clientSecret', 'oauth');
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (oauth.scope) form.set('scope', oauth.scope);
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString(
    'base64',
  );
  const res = await outbound
    .request({
      method: 'POST',
      url: tokenUrl,
      maxRedirects: 0,
      headers: {
        accept: 'application/json',
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': 'Satchel',
      },
      body: form.toString(),
    })
    .catch((err: unknown) => {
      if (err instanceof OutboundBlockedError)
        throw new OAuthTokenError(`tokenUrl is not allowed: ${err.reason}`, 400);
      throw err;
    });
  const body = await readBodyCapped(res.body, TOKEN_BODY_MAX).catch(() => {
    throw new OAuthTokenError('the token endpoint answered more than 64 KB');
  });
  if (res.status < 200 || res.status > 299)
    throw new OAuthTokenError(`the token endpoint answered HTTP ${res.status}`);
  let token: { access_token?: unknown; token_type?: unknown };
  try {
    token = JSON.parse(body.toString('utf8')) as typeof token;
  } catch {
    throw new OAuthTokenError('the token endpoint did not answer JSON');
  }
  if (typeof token?.access_token !== 'string' || token.access_token === '')
    throw new OAuthTokenError('the token endpoint answered no access_token');
  return `Bearer ${token.access_token}`;
}
