/**
 * Characters a URL may hold in a document's front matter (the schema accepts them) that would end a chat
 * link early: whitespace ends `<url>` on Discord and `<url|label>` on Slack, and `<`, `>`, `|`, `"` and
 * `` ` `` are markup there. Percent-encoded, they mean the same to the web server and keep the link whole.
 */
const ENDS_A_LINK = /[\s<>|"`]/gu;

/** `url` as a chat link may hold it: a plain http(s) URL with the characters above percent-encoded, or undefined. */
export function linkableUrl(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\//i.test(url)) return undefined;
  return url.replace(ENDS_A_LINK, (ch) => encodeURIComponent(ch));
}
