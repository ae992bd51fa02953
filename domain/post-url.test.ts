import { describe, expect, it } from 'vitest';
import { checkPostUrl, platformOfHost } from './post-url';

const normal = (raw: string) => {
  const c = checkPostUrl(raw);
  if (!c.ok) throw new Error(c.code);
  return c.normalized;
};

describe('post links', () => {
  it('brings the same post shared twice to one form', () => {
    const first = normal('https://www.xiaohongshu.com/explore/65f0c0ffee?xsec_token=AB1&xsec_source=pc_share');
    expect(first).toBe('https://xiaohongshu.com/explore/65f0c0ffee');
    expect(normal('  HTTPS://WWW.XiaoHongShu.com/explore/65f0c0ffee/?utm_source=wechat#comments ')).toBe(first);
  });

  it('keeps the parameters that name the post, in one order', () => {
    expect(normal('https://www.bilibili.com/video/BV1xx?p=2&vd_source=abc&t=30')).toBe(
      'https://bilibili.com/video/BV1xx?p=2&t=30',
    );
    expect(normal('https://example.com/a?b=2&a=1')).toBe(normal('https://example.com/a/?a=1&b=2'));
  });

  it('recognises the platform from the host', () => {
    expect(platformOfHost('v.douyin.com')).toBe('douyin');
    expect(platformOfHost('channels.weixin.qq.com')).toBe('wechat');
    expect(platformOfHost('m.weibo.cn')).toBe('weibo');
    expect(platformOfHost('b23.tv')).toBe('bilibili');
    expect(platformOfHost('xhslink.com')).toBe('xiaohongshu');
    expect(platformOfHost('notdouyin.com')).toBe('web');
    expect(checkPostUrl('https://blog.example.cn/p/1')).toMatchObject({ ok: true, platform: 'web' });
  });

  it('refuses what is not an https link to a site', () => {
    expect(checkPostUrl('')).toEqual({ ok: false, code: 'POST_URL_REQUIRED' });
    expect(checkPostUrl('   ')).toEqual({ ok: false, code: 'POST_URL_REQUIRED' });
    expect(checkPostUrl('http://www.douyin.com/video/1')).toEqual({ ok: false, code: 'POST_URL_NOT_HTTPS' });
    expect(checkPostUrl('www.douyin.com/video/1')).toEqual({ ok: false, code: 'POST_URL_NOT_HTTPS' });
    expect(checkPostUrl('javascript:alert(1)')).toEqual({ ok: false, code: 'POST_URL_NOT_HTTPS' });
    expect(checkPostUrl('https://localhost/x')).toEqual({ ok: false, code: 'POST_URL_INVALID' });
    expect(checkPostUrl('https://192.168.1.1/x')).toEqual({ ok: false, code: 'POST_URL_INVALID' });
    expect(checkPostUrl('https://user:pw@example.com/')).toEqual({ ok: false, code: 'POST_URL_INVALID' });
    expect(checkPostUrl('https://exa mple.com/')).toEqual({ ok: false, code: 'POST_URL_INVALID' });
    expect(checkPostUrl(`https://example.com/${'a'.repeat(500)}`)).toEqual({ ok: false, code: 'POST_URL_TOO_LONG' });
  });
});
