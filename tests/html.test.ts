import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PinpointError } from '../src/errors.js';
import { extractHtml } from '../src/knowledge/html.js';

const newsPage = readFileSync(new URL('./fixtures/html/news-article.html', import.meta.url), 'utf8');

describe('extractHtml', () => {
  it('returns only the article text, with headings as "## " paragraphs, when given a saved news page', () => {
    const { text } = extractHtml(newsPage, 'news.html');
    expect(text.split('\n\n')).toEqual([
      'A federal judge in San Francisco heard argument on Tuesday over whether consumers who used Facebook can proceed together as a class in their antitrust suit against Meta Platforms, a step that would raise the stakes of the case considerably.',
      'The plaintiffs, Maximilian Klein and Sarah Grabert, allege that Meta misled users about how it collected and used their data, and that the company’s conduct let it charge a hidden price in personal information. Lawyers for Meta told the court that the users’ experiences were too different to be tried together.',
      '## What the filings say',
      'In their motion, the plaintiffs point to internal documents that they say show the company tracked “engagement” across its apps. The motion quotes a 2013 presentation describing the Inbox API as a partnership tool.',
      '“The question is not whether every user was harmed in the same amount, but whether the same conduct harmed them,” the plaintiffs wrote.',
      '- The hearing lasted about two hours.',
      '- No ruling was issued from the bench.',
      '## What comes next',
      'The judge said a written order would follow. Meta did not respond to a request for comment.',
    ]);
  });

  it.each([
    'TRACKING-SCRIPT-TEXT',
    'JSON-LD headline text',
    'COOKIE-BANNER-TEXT',
    'NAV-LINK-TEXT',
    'ADVERTISEMENT-TEXT',
    'SPONSORED-TEXT',
    'RELATED-STORY-TEXT',
    'NEWSLETTER-TEXT',
    'FOOTER-TEXT',
    'font-family',
  ])('leaves out %s', (marker) => {
    expect(extractHtml(newsPage, 'news.html').text).not.toContain(marker);
  });

  it('reads title, URL and published date from the page head', () => {
    const { meta, warnings } = extractHtml(newsPage, 'news.html');
    expect(meta).toEqual({
      title: 'Judge Weighs Class Certification in Facebook Antitrust Case',
      url: 'https://news.example.com/2022/12/06/facebook-class-certification',
      date: '2022-12-06',
    });
    expect(warnings).toEqual([]);
  });

  it('falls back to <title>, the canonical link and <time> when Open Graph tags are missing', () => {
    const html = `<html><head><title>Order on the motion</title><link rel="canonical" href="https://example.org/a"></head>
      <body><article><p>The court granted the motion in part. <time datetime="2023-01-05">January 5</time></p></article></body></html>`;
    const { meta, text } = extractHtml(html, 'short.html');
    expect(meta).toEqual({ title: 'Order on the motion', url: 'https://example.org/a', date: '2023-01-05' });
    expect(text).toBe('The court granted the motion in part. January 5');
  });

  // A relative canonical link ("/2023/05/judge-rules", as many sites write it) was the document's url: citations in the
  // terminal and --json showed that path as the link, and pins kept it.
  it.each([
    ['a relative canonical link', '<link rel="canonical" href="/2023/05/judge-rules">', undefined],
    ['a relative og:url before an absolute canonical link', '<meta property="og:url" content="/2023/05/judge-rules"><link rel="canonical" href="https://news.example.com/2023/05/judge-rules">', 'https://news.example.com/2023/05/judge-rules'],
    ['a relative canonical link under a <base>', '<base href="https://news.example.com/2023/"><link rel="canonical" href="05/judge-rules">', 'https://news.example.com/2023/05/judge-rules'],
    ['an og:url that is no web address', '<meta property="og:url" content="javascript:alert(1)">', undefined],
  ])('takes as its url only an absolute web address: %s', (_case, head, url) => {
    const html = `<html><head><title>Judge rules</title>${head}</head><body><article><p>The judge ruled that Netflix must answer.</p></article></body></html>`;
    expect(extractHtml(html, 'page.html').meta.url).toBe(url);
  });

  it('expands ligatures and collapses whitespace in paragraphs', () => {
    const { text } = extractHtml('<html><body><p>The  ﬁnal\n   order.</p><p>Second&nbsp;one.</p></body></html>', 'x.html');
    expect(text).toBe('The final order.\n\nSecond one.');
  });

  // HTML lets a page leave out <html>, <head> and <body>; linkedom then left the text outside the body, or built no document.
  it.each([
    ['no <html>, <head> or <body> tags', '<!DOCTYPE html><title>Order on the motion</title><meta property="og:url" content="https://example.org/a"><p>The court granted the motion in part.</p><p>The rest is denied.</p>'],
    ['no <body> tag', '<html><head><title>Order on the motion</title><link rel="canonical" href="https://example.org/a"></head><p>The court granted the motion in part.</p><p>The rest is denied.</p></html>'],
    ['a <head> but no <html> tag', '<head><title>Order on the motion</title><meta property="og:url" content="https://example.org/a"></head><body><p>The court granted the motion in part.</p><p>The rest is denied.</p></body>'],
  ])('reads the text and head of a page with %s', (_label, html) => {
    const { text, meta } = extractHtml(html, 'x.html');
    expect(text).toBe('The court granted the motion in part.\n\nThe rest is denied.');
    expect(meta).toEqual({ title: 'Order on the motion', url: 'https://example.org/a' });
  });

  it('reads a copied fragment and plain text saved as .html', () => {
    expect(extractHtml('<header>Order</header>\n<p>The court granted the motion.</p>', 'x.html').text).toBe('Order\n\nThe court granted the motion.');
    expect(extractHtml('The court granted the motion.', 'x.html').text).toBe('The court granted the motion.');
  });

  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\n\n'],
    ['only a doctype', '<!DOCTYPE html>'],
  ])('names the file when it is %s, rather than crash', (_label, html) => {
    expect(() => extractHtml(html, 'knowledge/empty.html')).toThrow(
      new PinpointError(
        'DOCUMENT_INVALID',
        'pinpoint: knowledge/empty.html has no readable text; save the article page itself (not a login or cookie page) or add a .md copy',
      ),
    );
  });

  it('throws DOCUMENT_INVALID when the page has no readable text', () => {
    const html = '<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>';
    expect(() => extractHtml(html, 'knowledge/empty.html')).toThrow(
      new PinpointError(
        'DOCUMENT_INVALID',
        'pinpoint: knowledge/empty.html has no readable text; save the article page itself (not a login or cookie page) or add a .md copy',
      ),
    );
  });
});
