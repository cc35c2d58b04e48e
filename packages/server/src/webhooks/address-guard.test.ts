import { describe, expect, it } from 'vitest';
import { isPublicAddress, receiverAddressProblem, receiverUrlProblem } from './address-guard.js';

describe('receiver address guard', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.1',
    '172.16.5.4',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::7f00:1',
    '::127.0.0.1',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it('refuses a host when any of its addresses is private', async () => {
    const url = new URL('https://mixed.example/hook');
    const resolve = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '::1', family: 6 },
    ];
    expect((await receiverAddressProblem(url, false, resolve))?.code).toBe('private_address');
    expect(await receiverAddressProblem(url, true, resolve)).toBeNull();
  });

  it('names the URL rule a receiver breaks', () => {
    expect(receiverUrlProblem('https://hooks.example.com/x')).toBeNull();
    expect(receiverUrlProblem('/relative')?.code).toBe('invalid_url');
    expect(receiverUrlProblem('javascript:alert(1)')?.code).toBe('unsupported_scheme');
    expect(receiverUrlProblem('file:///etc/passwd')?.code).toBe('unsupported_scheme');
    expect(receiverUrlProblem('https://user@example.com/')?.code).toBe('invalid_url');
  });
});
