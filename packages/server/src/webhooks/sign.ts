import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** Random bytes in a new secret: Standard Webhooks asks for 24 to 64; 32 is HMAC-SHA256's size. */
const SECRET_BYTES = 32;

/**
 * A new signing secret in Standard Webhooks form, `whsec_` + base64 of random bytes: the form
 * every Standard Webhooks verifier (the `standardwebhooks` packages) takes as it is.
 */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(SECRET_BYTES).toString('base64')}`;
}

/** The three Standard Webhooks headers of one attempt. */
export interface SignedHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

/**
 * Signs one attempt of a message per Standard Webhooks: `v1,` + base64 HMAC-SHA256 of
 * `id.timestamp.body` with the secret's key. The timestamp is the attempt's (whole seconds), so
 * a receiver's replay window holds for retries too; the id is the message's, so receivers can
 * drop a repeat.
 *
 * @example
 * const headers = signMessage(secret, 'msg_1', new Date(), '{"type":"webhook.test"}');
 */
export function signMessage(
  secret: string,
  messageId: string,
  at: Date,
  body: string,
): SignedHeaders {
  const seconds = Math.floor(at.getTime() / 1000);
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(seconds),
    'webhook-signature': new Webhook(secret).sign(messageId, new Date(seconds * 1000), body),
  };
}
