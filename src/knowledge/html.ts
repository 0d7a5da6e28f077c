/**
 * Saved web pages (news articles) → readable display text: @mozilla/readability picks the article out
 * of a linkedom DOM, then block elements become paragraphs separated by blank lines. Headings become
 * "## Heading" paragraphs (Markdown style, for section detection); list items start with "- ".
 * Scripts, styles, navigation, forms, asides and ad containers never reach the text.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { PinpointError } from '../errors.js';
import { normalizeChars } from './clean-text.js';
import type { ExtractedMeta, ExtractedText } from './extracted.js';

/** The slice of the DOM this file walks (the project has no DOM lib types). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  remove(): void;
}
interface DomDocument {
  title: string;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Never text: code, embedded frames, chrome around the article. */
const DROP_SELECTOR = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'nav',
  'aside',
  'form',
  'button',
  'select',
  'input',
  'textarea',
  '[hidden]',
  '[aria-hidden="true"]',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
].join(',');

/** Class or id words that mark advertising and promotion blocks ("ad-slot", "sponsored", "promo"). */
const AD_WORD = /(?:^|[\s_-])(?:ads?|advert\w*|sponsor\w*|promo\w*|newsletter|paywall|cookie\w*)(?:$|[\s_-])/i;

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL',
  ...HEADINGS,
]);

function removeChrome(document: DomDocument): void {
  for (const el of Array.from(document.querySelectorAll(DROP_SELECTOR))) el.remove();
  for (const el of Array.from(document.querySelectorAll('[class],[id]'))) {
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (AD_WORD.test(words)) el.remove();
  }
}

function attr(document: DomDocument, selector: string, name: string): string | undefined {
  const value = document.querySelector(selector)?.getAttribute(name)?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The page's address from og:url, else its canonical link: the first that is, or with the page's <base> makes, an
 * absolute http(s) URL. Sites often write the canonical link relative ("/2023/05/judge-rules"), and a saved page
 * has no address to read it against: citations showed that path as the document's link, and pins kept it.
 */
function pageUrl(document: DomDocument): string | undefined {
  const base = absoluteHttpUrl(attr(document, 'base[href]', 'href'));
  const candidates = [attr(document, 'meta[property="og:url"]', 'content'), attr(document, 'link[rel="canonical"]', 'href')];
  for (const candidate of candidates) {
    const url = absoluteHttpUrl(candidate, base);
    if (url !== undefined) return url;
  }
  return undefined;
}

/** `value` (read against `base`, when given) as an absolute http(s) URL, or undefined when it makes none. */
function absoluteHttpUrl(value: string | undefined, base?: string): string | undefined {
  if (value === undefined || !URL.canParse(value, base)) return undefined;
  const url = new URL(value, base);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // An absolute address is kept as the page wrote it; only one read against <base> is spelled out.
  return URL.canParse(value) ? value : url.href;
}

/** YYYY-MM-DD from an ISO-like timestamp ("2022-12-06T18:00:00Z"), else undefined. */
function isoDay(value: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value?.trim() ?? '');
  return m === null ? undefined : `${m[1]}-${m[2]}-${m[3]}`;
}

function readMeta(document: DomDocument): ExtractedMeta {
  const meta: ExtractedMeta = {};
  // og:title is the headline without the " | Site name" suffix <title> usually carries.
  const title = attr(document, 'meta[property="og:title"]', 'content');
  if (title !== undefined) meta.title = title.replace(/\s+/g, ' ');
  const url = pageUrl(document);
  if (url !== undefined) meta.url = url;
  const date = isoDay(
    attr(document, 'meta[property="article:published_time"]', 'content') ??
      attr(document, 'meta[name="article:published_time"]', 'content') ??
      attr(document, 'meta[itemprop="datePublished"]', 'content') ??
      attr(document, 'meta[name="date"]', 'content') ??
      attr(document, 'time[datetime]', 'datetime'),
  );
  if (date !== undefined) meta.date = date;
  return meta;
}

function tidy(text: string): string {
  return normalizeChars(text.replace(/\s+/g, ' ')).trim();
}

/** Walks block structure, collecting one paragraph per block and per run of inline text between blocks. */
function collectParagraphs(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let buffer = '';
  let prefix = '';
  const flush = (): void => {
    const text = tidy(buffer);
    if (text !== '') {
      paragraphs.push(prefix + text);
      prefix = '';
    }
    buffer = '';
  };
  const walk = (node: DomNode): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        buffer += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = child.nodeName.toUpperCase();
      if (tag === 'BR') {
        buffer += ' ';
      } else if (HEADINGS.has(tag)) {
        flush();
        const text = tidy(child.textContent ?? '');
        if (text !== '') paragraphs.push(`## ${text}`);
      } else if (tag === 'LI') {
        flush();
        prefix = '- ';
        walk(child);
        flush();
        prefix = '';
      } else if (BLOCKS.has(tag)) {
        flush();
        walk(child);
        flush();
      } else {
        walk(child);
      }
    }
  };
  walk(root);
  flush();
  return paragraphs;
}

const HTML_TAG = /<html(?:\s[^>]*)?>/i;
const BODY_TAG = /<body(?:\s[^>]*)?>/i;
const HEAD_ELEMENT = /<head(?:\s[^>]*)?>([\s\S]*?)<\/head\s*>/i;
/** Tags a page may leave out and that `withDocumentTags` writes anew (not "<header>" or "<bodyguard>"). */
const DOCUMENT_TAGS = /<!doctype[^>]*>|<\/?(?:html|body)(?:\s[^>]*)?>|<\/?head(?:\s[^>]*)?>/gi;
/** What a page without <head> may open with and belongs to its head: title, meta, links, styles, scripts, comments. */
const LEADING_HEAD_CONTENT =
  /^(?:\s+|<!--[\s\S]*?-->|<title(?:\s[^>]*)?>[\s\S]*?<\/title\s*>|<(?:meta|link|base)\b[^>]*>|<(?:style|script)(?:\s[^>]*)?>[\s\S]*?<\/(?:style|script)\s*>)*/i;

/**
 * The page with its <html>, <head> and <body> tags, which HTML lets a page leave out ("<title>…</title><p>…",
 * a copied fragment, plain text): browsers imply them, but linkedom then puts the text outside the body or
 * builds no document at all, and the page would be refused as having no text, or crash the load.
 */
function withDocumentTags(html: string): string {
  if (HTML_TAG.test(html) && BODY_TAG.test(html)) return html;
  const head = HEAD_ELEMENT.exec(html)?.[1] ?? '';
  const rest = html.replace(HEAD_ELEMENT, '').replace(DOCUMENT_TAGS, '');
  const leading = LEADING_HEAD_CONTENT.exec(rest)?.[0] ?? '';
  return `<!DOCTYPE html><html><head>${head}${leading}</head><body>${rest.slice(leading.length)}</body></html>`;
}

/**
 * Extracts the readable article text of a saved HTML page. Metadata comes from the page head: og:title
 * (else Readability's cleaned <title>), og:url (else the canonical link), and the published time
 * (article:published_time, datePublished, <meta name="date">, <time datetime>) as an ISO date.
 * Throws DOCUMENT_INVALID when no readable text is left.
 */
export function extractHtml(source: string, fileLabel: string): ExtractedText {
  const html = withDocumentTags(source);
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  const meta = readMeta(document);
  const pageTitle = document.title;
  removeChrome(document);
  const warnings: string[] = [];
  // Readability takes over the document it is given; meta was read first.
  const article = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode }).parse();
  let paragraphs = article?.content ? collectParagraphs(article.content) : [];
  if (paragraphs.length === 0) {
    const { document: fallback } = parseHTML(html) as unknown as { document: DomDocument };
    removeChrome(fallback);
    paragraphs = fallback.body === null ? [] : collectParagraphs(fallback.body);
    if (paragraphs.length > 0) warnings.push('no article found by Readability; used the whole page body');
  }
  // Readability's title is <title> with the site name cut off; the raw <title> is the last resort.
  const fallbackTitle = tidy(article?.title ?? '') || tidy(pageTitle);
  if (meta.title === undefined && fallbackTitle !== '') meta.title = fallbackTitle;
  if (meta.date === undefined) {
    const published = isoDay(article?.publishedTime ?? undefined);
    if (published !== undefined) meta.date = published;
  }
  if (paragraphs.length === 0) {
    throw new PinpointError(
      'DOCUMENT_INVALID',
      `pinpoint: ${fileLabel} has no readable text; save the article page itself (not a login or cookie page) or add a .md copy`,
    );
  }
  return { text: paragraphs.join('\n\n'), meta, warnings };
}
