// Everything interpolated into a page is escaped; only markup the clinic made passes through.
import { describe, expect, it } from 'vitest';
import { html, raw } from './html.ts';

describe('html templates', () => {
  it('escapes text, attributes and nested lists, and skips null, undefined and false', () => {
    const evil = `<script>alert("x")</script>&'`;
    const out = html`<p title="${evil}">${evil}${[evil, null]}${undefined}${false}</p>`.value;
    expect(out).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    );
  });

  it('does not escape markup made by html or raw a second time', () => {
    expect(html`<div>${html`<b>${'a&b'}</b>`}${raw('<svg></svg>')}</div>`.value).toBe(
      '<div><b>a&amp;b</b><svg></svg></div>',
    );
  });
});
