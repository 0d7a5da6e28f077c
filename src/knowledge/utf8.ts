const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text when they are valid UTF-8 (a leading BOM dropped); undefined when they are not. */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}
