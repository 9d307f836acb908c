import { perRequest } from './per-request';

describe('perRequest', () => {
  it('makes the value once per request, a new one for each other request', () => {
    let made = 0;
    const counterOf = perRequest((request) => ({ request, serial: (made += 1) }));
    const first = {};
    const second = {};
    expect(counterOf(first)).toBe(counterOf(first));
    expect(counterOf(first).serial).toBe(1);
    expect(counterOf(second).serial).toBe(2);
    expect(counterOf(second).request).toBe(second);
    expect(made).toBe(2);
  });

  it('keeps a value that is falsy (a promise of nothing, zero) instead of making it again', () => {
    let made = 0;
    const zeroOf = perRequest(() => {
      made += 1;
      return 0;
    });
    const request = {};
    zeroOf(request);
    zeroOf(request);
    expect(made).toBe(1);
  });
});
