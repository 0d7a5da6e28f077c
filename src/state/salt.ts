import { createHmac, randomBytes } from 'node:crypto';
import type { Store } from './store.js';

/** Returns the database's user-id salt, creating it once; INSERT OR IGNORE lets two processes race safely. */
export function loadSalt(store: Store): string {
  store.run('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)', ['user_salt', randomBytes(32).toString('hex')]);
  const row = store.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', ['user_salt']);
  if (!row) throw new Error('user salt missing right after insert');
  return row.value;
}

/**
 * A keyed hash of a platform user id. The salt lives only in this database, so a copied table of hashes
 * cannot be matched against a list of known user ids without the salt too.
 */
export function hashUser(salt: string, platform: string, userId: string): string {
  return createHmac('sha256', salt).update(`${platform}\u0000${userId}`).digest('hex');
}
