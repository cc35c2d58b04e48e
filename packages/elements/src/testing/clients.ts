import { createSuccessClient, type SuccessClient } from '@cscx/success-sdk';

/** A client whose requests never settle (until aborted): the loading state, held still. */
export function pendingClient(): SuccessClient {
  return createSuccessClient({
    baseUrl: location.origin,
    token: 'test',
    fetch: (input) =>
      new Promise<Response>((_, reject) => {
        const signal = (input as Request).signal;
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
  });
}
