import type { Queryable } from '../db/database.js';
import { webhookSecretContext } from '../repo/webhooks.js';
import {
  SECRETS_KEY_ENV,
  SECRETS_KEY_PREVIOUS_ENV,
  SecretBox,
  SecretKeyError,
} from './secret-box.js';

/** Whether any stored webhook secret is sealed: then a missing key file is an error, not new. */
export async function hasSealedSecrets(q: Queryable): Promise<boolean> {
  const rows = await q.query(
    `SELECT 1 FROM webhook_subscriptions WHERE secret_sealed LIKE 'v1.%' LIMIT 1`,
  );
  return rows.length > 0;
}

/**
 * Brings every stored webhook secret under the box's current key, before the server serves or
 * delivers: plain-text secrets (stored before migration 015) are sealed, and secrets sealed with
 * a previous key (CSCX_SECRETS_KEY_PREVIOUS) are sealed again. Idempotent: a second run changes
 * nothing. Each row changes only if it still holds what was read, so instances starting together
 * cannot undo each other. When a secret was sealed with a key the box lacks, nothing changes and
 * a SecretKeyError names the setting to fix: the server must not start and sign with nothing.
 *
 * @example
 * const { sealed, resealed } = await sealStoredSecrets(db, box);
 */
export async function sealStoredSecrets(
  q: Queryable,
  box: SecretBox,
): Promise<{ sealed: number; resealed: number }> {
  const rows = await q.query<{ id: string; secret_sealed: string }>(
    'SELECT id, secret_sealed FROM webhook_subscriptions ORDER BY id',
  );
  const pending = rows.filter((r) => box.needsResealing(r.secret_sealed));
  const unknown = pending.filter(
    (r) => SecretBox.sealedWith(r.secret_sealed) !== null && !box.canOpen(r.secret_sealed),
  );
  if (unknown.length > 0) {
    const ids = [...new Set(unknown.map((r) => SecretBox.sealedWith(r.secret_sealed)))];
    throw new SecretKeyError(
      `${unknown.length} webhook signing secret(s) are encrypted with key ${ids.join(', ')}, which this server does not have (${box.describeSource()}). Set ${SECRETS_KEY_ENV} to the key they were encrypted with; to rotate, set ${SECRETS_KEY_ENV} to the new key and ${SECRETS_KEY_PREVIOUS_ENV} to the old one.`,
    );
  }
  let sealed = 0;
  let resealed = 0;
  for (const r of pending) {
    const context = webhookSecretContext(r.id);
    const wasSealed = SecretBox.sealedWith(r.secret_sealed) !== null;
    const plain = wasSealed ? box.open(r.secret_sealed, context) : r.secret_sealed;
    const changed = await q.query(
      'UPDATE webhook_subscriptions SET secret_sealed = $3 WHERE id = $1 AND secret_sealed = $2 RETURNING id',
      [r.id, r.secret_sealed, box.seal(plain, context)],
    );
    if (changed.length === 0) continue;
    if (wasSealed) resealed++;
    else sealed++;
  }
  return { sealed, resealed };
}
