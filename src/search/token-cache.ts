import type { Analyzer, TokenList } from './analyzer.js';
import type { Passage } from '../types.js';

/**
 * Passages recently read by the reranker keep their tokens: popular passages come back question after
 * question, and re-tokenising them is most of an answer's time. Bounded, so memory stays flat on
 * large corpora (each entry is one passage's tokens, a few KB).
 */
const TOKEN_CACHE_PASSAGES = 2048;

export function createTokenCache(analyzer: Analyzer, capacity = TOKEN_CACHE_PASSAGES): (passage: Passage) => TokenList {
  const cache = new Map<string, TokenList>();
  return (passage) => {
    const cached = cache.get(passage.id);
    if (cached) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      cache.delete(passage.id);
      cache.set(passage.id, cached);
      return cached;
    }
    const tokens = analyzer.tokenList(passage.text);
    cache.set(passage.id, tokens);
    if (cache.size > capacity) cache.delete(cache.keys().next().value!);
    return tokens;
  };
}
