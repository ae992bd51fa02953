import { describe, expect, it } from 'vitest';
import { splitLaunchToken } from './browser-client';

describe('splitLaunchToken', () => {
  it('takes the token from the query (the printed link) and leaves the address without it', () => {
    expect(splitLaunchToken('http://127.0.0.1:5174/?token=abc')).toEqual({ token: 'abc', address: '/' });
    expect(splitLaunchToken('http://127.0.0.1:5174/?lang=en&token=abc')).toEqual({
      token: 'abc',
      address: '/?lang=en',
    });
  });

  it('takes the token from the fragment (the kiosk launch file), keeping any other fragment part', () => {
    expect(splitLaunchToken('http://127.0.0.1:5174/#token=abc')).toEqual({ token: 'abc', address: '/' });
    expect(splitLaunchToken('http://127.0.0.1:5174/#token=abc&x=1')).toEqual({ token: 'abc', address: '/#x=1' });
  });

  it('finds none in a plain address (a reload keeps the one this tab already has)', () => {
    expect(splitLaunchToken('http://127.0.0.1:5174/')).toEqual({ token: null, address: '/' });
    expect(splitLaunchToken('http://127.0.0.1:5174/#token=')).toEqual({ token: null, address: '/' });
  });
});
