import type { ClientOptions, SuccessClient } from '@cscx/success-sdk';

type Method = (...args: unknown[]) => Promise<unknown>;
type Paginated = Method & { all: (...args: unknown[]) => AsyncIterableIterator<unknown> };

/**
 * A `SuccessClient` whose SDK (valibot schemas and all, ~8 KB gzip) loads on the first call,
 * so a page that only passes data as properties never downloads it. Every method forwards to
 * the real client, `.all()` pagination included.
 *
 * @example
 * const client = lazyClient({ baseUrl: location.origin, token });
 * await client.getCustomerSuccessMetrics({ customerId: 'cus_acme' }); // loads the SDK, then fetches
 */
export function lazyClient(options: ClientOptions): SuccessClient {
  let real: Promise<Record<string, Paginated>> | undefined;
  const load = () =>
    (real ??= import('@cscx/success-sdk').then(
      ({ createSuccessClient }) =>
        createSuccessClient(options) as unknown as Record<string, Paginated>,
    ));
  const methods = new Map<string, Paginated>();
  const handler: ProxyHandler<object> = {
    get(_, name) {
      // Not a thenable: `await client` must not look for a `then` method.
      if (typeof name !== 'string' || name === 'then') return undefined;
      let method = methods.get(name);
      if (!method) {
        const call = async (...args: unknown[]) => {
          const client = await load();
          // Aborted while the SDK loaded: stop here. (The SDK, handed an already-aborted signal,
          // leaves its fetch promise unhandled: an "unhandledrejection" on the page.)
          const signal = (args[1] as { signal?: AbortSignal } | undefined)?.signal;
          if (signal?.aborted) throw signal.reason;
          const target = client[name];
          if (!target) throw new TypeError(`SuccessClient has no method ${name}`);
          return target(...args);
        };
        method = Object.assign(call, {
          async *all(...args: unknown[]) {
            const target = (await load())[name];
            if (!target?.all) throw new TypeError(`SuccessClient.${name} is not a list operation`);
            yield* target.all(...args);
          },
        });
        methods.set(name, method);
      }
      return method;
    },
  };
  // The proxy answers every operation id with a forwarding method: the shape SuccessClient has.
  return new Proxy({}, handler) as SuccessClient;
}
