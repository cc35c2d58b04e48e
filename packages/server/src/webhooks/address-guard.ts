import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Receivers must be public hosts: a webhook URL is a request the server makes on a manager's
 * behalf, and one aimed at loopback, a private network or a cloud metadata address
 * (169.254.169.254) would reach what only the server can reach (SSRF). The check runs when a
 * subscription is saved and again on every connection (a name may resolve elsewhere later: DNS
 * rebinding). `CSCX_WEBHOOK_ALLOW_PRIVATE=1` turns it off, for tests and local receivers.
 */

const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128],
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

/** The 8 groups of an IPv6 address (dotted IPv4 tail allowed), or null when it is not one. */
function ipv6Groups(address: string): number[] | null {
  let text = address.split('%')[0] ?? '';
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const parts = dotted[1].split('.').map(Number);
    if (parts.some((p) => p > 255)) return null;
    const [a = 0, b = 0, c = 0, d = 0] = parts;
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  const out = groups.map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? Number.parseInt(g, 16) : Number.NaN));
  return out.some(Number.isNaN) ? null : out;
}

/** The IPv4 address an IPv6 one embeds (::ffff:a.b.c.d mapped, ::a.b.c.d compatible, NAT64). */
function embeddedIpv4(groups: readonly number[]): string | null {
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = groups;
  const v4 = `${g6 >> 8}.${g6 & 255}.${g7 >> 8}.${g7 & 255}`;
  const zeroHead = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroHead && (g5 === 0xffff || g5 === 0)) return v4;
  // 64:ff9b::/96, the well-known NAT64 prefix: the gateway connects to the IPv4 address inside.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return v4;
  return null;
}

/**
 * True when `address` (an IP literal) is one a receiver may have: not private, loopback,
 * link-local, multicast, reserved or unspecified, also when written as an IPv4-mapped IPv6
 * address (`::ffff:127.0.0.1`). Anything that is not an IP address is false.
 */
export function isPublicAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) return !BLOCKED.check(address, 'ipv4');
  if (kind !== 6 && !address.includes(':')) return false;
  const groups = ipv6Groups(address);
  if (!groups) return false;
  const v4 = embeddedIpv4(groups);
  if (v4 !== null) return !BLOCKED.check(v4, 'ipv4');
  const normal = groups.map((g) => g.toString(16)).join(':');
  return !BLOCKED.check(normal, 'ipv6');
}

/** Resolves a host name to every address it has (dns.lookup with `all`, as connections do). */
export type Resolver = (host: string) => Promise<readonly LookupAddress[]>;

export const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) => {
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses),
    );
  });

/** Whether the server runs with private receivers allowed (CSCX_WEBHOOK_ALLOW_PRIVATE=1). */
export function privateReceiversAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CSCX_WEBHOOK_ALLOW_PRIVATE === '1';
}

/** Why a receiver URL is refused: a field error's code and message. */
export interface ReceiverProblem {
  readonly code: 'invalid_url' | 'unsupported_scheme' | 'private_address' | 'unresolvable_host';
  readonly message: string;
}

/** The URL's host without IPv6 brackets. */
export function urlHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/**
 * The syntax rules of a receiver URL: absolute, http or https, no credentials (they would be
 * sent to whoever the host is and shown in the subscription). Null when it passes.
 */
export function receiverUrlProblem(text: string): ReceiverProblem | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      code: 'invalid_url',
      message: 'Must be an absolute URL such as https://hooks.example.com/cscx.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      code: 'unsupported_scheme',
      message: `Must be an http or https URL, not ${url.protocol.replace(/:$/, '')}.`,
    };
  }
  if (url.username !== '' || url.password !== '') {
    return { code: 'invalid_url', message: 'Must not contain a user name or password.' };
  }
  if (url.hostname === '') return { code: 'invalid_url', message: 'Must name a host.' };
  return null;
}

/**
 * The address rule of a receiver: every address its host resolves to is public (one private
 * address among public ones is enough to reach inside). Null when it passes, or when private
 * receivers are allowed.
 */
export async function receiverAddressProblem(
  url: URL,
  allowPrivate: boolean,
  resolve: Resolver = systemResolver,
): Promise<ReceiverProblem | null> {
  if (allowPrivate) return null;
  const host = urlHost(url);
  let addresses: readonly string[];
  if (isIP(host) !== 0) addresses = [host];
  else {
    try {
      addresses = (await resolve(host)).map((a) => a.address);
    } catch {
      return { code: 'unresolvable_host', message: `The host ${host} does not resolve.` };
    }
  }
  const blocked = addresses.find((a) => !isPublicAddress(a));
  if (addresses.length === 0 || blocked !== undefined) {
    return {
      code: 'private_address',
      message: `The host ${host} resolves to ${blocked ?? 'no address'}, a private, loopback or link-local address; receivers must be public.`,
    };
  }
  return null;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http.request that refuses private addresses at connection time: the address
 * checked is the address connected to, so a name that resolves to a public address at save time
 * and to 127.0.0.1 later (DNS rebinding) is still refused.
 */
export function guardedLookup(allowPrivate: boolean, resolve: Resolver = systemResolver) {
  return (host: string, options: { all?: boolean | undefined }, callback: LookupCallback): void => {
    resolve(host).then(
      (found) => {
        const addresses = [...found];
        const blocked = allowPrivate
          ? undefined
          : addresses.find((a) => !isPublicAddress(a.address));
        if (addresses.length === 0 || blocked) {
          const err: NodeJS.ErrnoException = new Error(
            `The receiver's host ${host} resolves to ${blocked?.address ?? 'no address'}, which is not a public address.`,
          );
          err.code = 'EPRIVATEADDRESS';
          callback(err, '');
          return;
        }
        const first = addresses[0] as LookupAddress;
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (e: NodeJS.ErrnoException) => callback(e, ''),
    );
  };
}
