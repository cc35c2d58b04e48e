// `npm run token -- <command>`: issues, lists and revokes API tokens in the server's database
// (the same CSCX_DATA_DIR or DATABASE_URL as `npm start`). A token is shown once, when it is
// created; only its SHA-256 hash is stored.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashToken, newToken } from './auth.js';
import { loadConfig } from './config.js';
import { DataDirLockedError } from './db/lock.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { newId } from './ids.js';
import { getCustomer } from './repo/customers.js';
import { insertToken, listTokens, type Role, revokeToken } from './repo/tokens.js';

const USAGE = `Usage:
  npm run token -- create --role manager [--label TEXT] [--expires-in-days N]
  npm run token -- create --role csm --csm-id CSM_ID [--label TEXT] [--expires-in-days N]
  npm run token -- create --role viewer --customer-id CUSTOMER_ID [--label TEXT] [--expires-in-days N]
  npm run token -- list
  npm run token -- revoke TOKEN_ID

Roles: manager (every customer), csm (the customers whose csm_id is CSM_ID), viewer (one
customer, read-only). The database is the server's: CSCX_DATA_DIR (default .data/) or DATABASE_URL.
With the embedded database, stop the server first: it holds the data directory exclusively.`;

export class UsageError extends Error {}

export interface TokenCommand {
  readonly command: 'create' | 'list' | 'revoke';
  readonly role?: Role;
  readonly csmId?: string;
  readonly customerId?: string;
  readonly label?: string;
  readonly expiresInDays?: number;
  readonly tokenId?: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function parseTokenArgs(args: readonly string[]): TokenCommand {
  const [command, ...rest] = args;
  if (command === 'list' && rest.length === 0) return { command };
  if (command === 'revoke' && rest.length === 1 && rest[0]) return { command, tokenId: rest[0] };
  if (command !== 'create')
    throw new UsageError(command ? `Unknown command ${command}.` : 'No command given.');
  const opts: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const flag = rest[i];
    const value = rest[i + 1];
    if (!flag?.startsWith('--') || value === undefined)
      throw new UsageError(`Expected --option value, got ${flag ?? ''}.`);
    opts[flag.slice(2)] = value;
  }
  for (const k of Object.keys(opts)) {
    if (!['role', 'csm-id', 'customer-id', 'label', 'expires-in-days'].includes(k))
      throw new UsageError(`Unknown option --${k}.`);
  }
  const role = opts.role;
  if (role !== 'manager' && role !== 'csm' && role !== 'viewer')
    throw new UsageError('--role must be manager, csm or viewer.');
  if ((role === 'csm') !== (opts['csm-id'] !== undefined))
    throw new UsageError('--csm-id is required for, and only for, --role csm.');
  if ((role === 'viewer') !== (opts['customer-id'] !== undefined))
    throw new UsageError('--customer-id is required for, and only for, --role viewer.');
  for (const k of ['csm-id', 'customer-id'] as const) {
    if (opts[k] !== undefined && !ID.test(opts[k]))
      throw new UsageError(`--${k} must be an id such as csm_riley.`);
  }
  let expiresInDays: number | undefined;
  if (opts['expires-in-days'] !== undefined) {
    expiresInDays = Number(opts['expires-in-days']);
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 3650)
      throw new UsageError('--expires-in-days must be a whole number of days, 1-3650.');
  }
  return {
    command,
    role,
    ...(opts['csm-id'] ? { csmId: opts['csm-id'] } : {}),
    ...(opts['customer-id'] ? { customerId: opts['customer-id'] } : {}),
    ...(opts.label ? { label: opts.label } : {}),
    ...(expiresInDays ? { expiresInDays } : {}),
  };
}

export async function runTokenCommand(
  cmd: TokenCommand,
  out: (line: string) => void,
): Promise<number> {
  const opened = await openDatabase(loadConfig(process.env, []));
  try {
    await migrate(opened.db);
    const now = Date.now();
    if (cmd.command === 'list') {
      for (const t of await listTokens(opened.db)) {
        const state =
          t.revoked_at !== null
            ? 'revoked'
            : t.expires_at !== null && t.expires_at <= now
              ? 'expired'
              : 'active';
        const scope =
          t.role === 'csm'
            ? ` csm_id=${t.csm_id}`
            : t.role === 'viewer'
              ? ` customer_id=${t.customer_id}`
              : '';
        out(`${t.id}  ${t.role}${scope}  ${state}${t.demo ? '  (demo)' : ''}  ${t.label}`);
      }
      return 0;
    }
    if (cmd.command === 'revoke') {
      const ok = await revokeToken(opened.db, cmd.tokenId ?? '', now);
      out(ok ? `Revoked ${cmd.tokenId}.` : `No active token ${cmd.tokenId}.`);
      return ok ? 0 : 1;
    }
    if (cmd.customerId && !(await getCustomer(opened.db, cmd.customerId))) {
      out(`No customer ${cmd.customerId} in ${opened.where}.`);
      return 1;
    }
    const token = newToken();
    const id = newId('tok');
    await insertToken(opened.db, {
      id,
      hash: hashToken(token),
      role: cmd.role ?? 'viewer',
      csm_id: cmd.csmId ?? null,
      customer_id: cmd.customerId ?? null,
      label: cmd.label ?? '',
      demo: false,
      created_at: now,
      expires_at: cmd.expiresInDays ? now + cmd.expiresInDays * 86_400_000 : null,
    });
    out(`Created ${id} (${cmd.role}). The token is shown only now; store it safely:`);
    out(token);
    return 0;
  } finally {
    await opened.close();
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  try {
    const cmd = parseTokenArgs(process.argv.slice(2));
    process.exitCode = await runTokenCommand(cmd, (l) => process.stdout.write(`${l}\n`));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (e instanceof DataDirLockedError) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 1;
    } else throw e;
  }
}
