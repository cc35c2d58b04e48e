import { describe, expect, it } from 'vitest';
import { redactHeaders, redactText, redactUrl } from './redact.js';

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
});
