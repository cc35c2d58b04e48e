import { describe, expect, it } from 'vitest';
import {
  credentialParts,
  REDACTED,
  redactError,
  redactHeaders,
  redactText,
  redactUrl,
  redactValue,
  rootMessage,
  urlSecrets,
} from './redact.js';

describe('redaction', () => {
  it('removes credentials from URLs: user-info and token-like query parameters', () => {
    expect(redactUrl('https://me:secret@api.example/x?token=abc&segment=smb&api_key=k')).toBe(
      'https://[REDACTED]@api.example/x?token=[REDACTED]&segment=smb&api_key=[REDACTED]',
    );
  });

  it('removes credential headers and keeps the rest', () => {
    expect(
      redactHeaders({ Authorization: 'Bearer abc', Cookie: 'sid=1', Accept: 'application/json' }),
    ).toEqual({
      authorization: '[REDACTED]',
      cookie: '[REDACTED]',
      accept: 'application/json',
    });
  });

  it('removes known secrets and any bearer credential from free text', () => {
    expect(redactText('failed for tok_live_123456 with Bearer xyz.abc', ['tok_live_123456'])).toBe(
      'failed for [REDACTED] with Bearer [REDACTED]',
    );
  });

  it('keeps prose about bearer tokens readable: the server says "The bearer token was revoked."', () => {
    for (const prose of [
      'The bearer token was revoked.',
      'Send a bearer token.',
      'bearer authentication failed',
    ])
      expect(redactText(prose)).toBe(prose);
    for (const [text, out] of [
      ['Bearer demo-csm-token', `Bearer ${REDACTED}`],
      ['Bearer abc1', `Bearer ${REDACTED}`],
      ['bearer abcdefghijklmnopqrstuvwxyz', `bearer ${REDACTED}`],
    ])
      expect(redactText(text!)).toBe(out);
  });

  it('removes user-info from every URL in a text, not only at its start', () => {
    expect(redactText('GET http://u:pw@h/x failed; see https://a:b@c.example/y')).toBe(
      `GET http://${REDACTED}@h/x failed; see https://${REDACTED}@c.example/y`,
    );
  });

  it('removes the values of credential headers quoted as text or as JSON, keeping the scheme', () => {
    expect(redactText('Authorization: Token abc123\r\nAccept: */*')).toBe(
      `Authorization: ${REDACTED}\r\nAccept: */*`,
    );
    expect(redactText('{"x-api-key":"k-123456","cookie":"sid=1"}')).toBe(
      `{"x-api-key":"${REDACTED}","cookie":"${REDACTED}"}`,
    );
    expect(redactText('authorization=Bearer abc.def')).toBe(`authorization=Bearer ${REDACTED}`);
    expect(redactText('Basic dXNlcjpwYXNzd29yZA==')).toBe(`Basic ${REDACTED}`);
    // Ordinary words stay: a Basic plan, the authorization header named in prose.
    expect(redactText('Basic plan; the authorization header is missing.')).toBe(
      'Basic plan; the authorization header is missing.',
    );
  });

  it('redacts credential keys and strings all through a JSON value, leaving the rest', () => {
    const echoed = {
      title: 'Bad gateway',
      headers: { Authorization: 'Bearer t0ken-abcdef', accept: 'application/json' },
      list: [{ 'set-cookie': 'a=b' }, 'Bearer t0ken-abcdef'],
      token: null,
    };
    expect(redactValue(echoed, ['t0ken-abcdef'])).toEqual({
      title: 'Bad gateway',
      headers: { Authorization: REDACTED, accept: 'application/json' },
      list: [{ 'set-cookie': REDACTED }, `Bearer ${REDACTED}`],
      token: null,
    });
    expect(echoed.headers.Authorization).toBe('Bearer t0ken-abcdef');
  });

  it('copies an error chain with every message and stack redacted and network codes kept', () => {
    const root = Object.assign(new Error('connect ECONNREFUSED for t0ken-abcdef'), {
      code: 'ECONNREFUSED',
      port: 9,
      request: { headers: { authorization: 'Bearer t0ken-abcdef' } },
    });
    const outer = new TypeError('fetch failed t0ken-abcdef', { cause: root });
    const copy = redactError(outer, ['t0ken-abcdef']);
    expect(copy).toBeInstanceOf(TypeError);
    expect(copy.message).toBe(`fetch failed ${REDACTED}`);
    expect(copy.stack).not.toContain('t0ken-abcdef');
    const cause = copy.cause as Error & Record<string, unknown>;
    expect(cause.message).toBe(`connect ECONNREFUSED for ${REDACTED}`);
    expect([cause.code, cause.port, cause.request]).toEqual(['ECONNREFUSED', 9, undefined]);
    expect(rootMessage(outer)).toBe('connect ECONNREFUSED for t0ken-abcdef');
    expect(redactError('plain t0ken-abcdef', ['t0ken-abcdef']).message).toBe(`plain ${REDACTED}`);
  });

  it('lists the secrets of a URL and of a credential header value', () => {
    expect(urlSecrets('http://me:p%40ss@h/')).toEqual([
      'me:p%40ss',
      'me:p@ss',
      'me',
      'p%40ss',
      'p@ss',
    ]);
    expect(urlSecrets('http://h/')).toEqual([]);
    expect(credentialParts('Bearer abc')).toEqual(['abc']);
    expect(credentialParts('k-123')).toEqual(['k-123']);
    expect(credentialParts('sid=s1; theme=dark')).toEqual(['sid=s1; theme=dark', 's1', 'dark']);
  });
});
