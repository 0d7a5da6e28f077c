import { afterAll, afterEach, beforeAll } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { createSigner, type DiscordSigner } from '../fakes/discord-http.js';

export interface FakeDiscordSuite {
  fake: FakeDiscord;
  signer: DiscordSigner;
  /** Run after each test, last added first (stop adapters, close cores, remove temp folders). */
  cleanups: (() => Promise<void> | void)[];
}

/** One fake Discord and one Ed25519 signer for a test file, with per-test cleanups. */
export function useFakeDiscordSuite(): FakeDiscordSuite {
  const suite = { cleanups: [] } as unknown as FakeDiscordSuite;
  beforeAll(async () => {
    suite.fake = await startFakeDiscord();
    suite.signer = createSigner();
  });
  afterEach(async () => {
    for (const cleanup of suite.cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    await suite.fake?.close();
  });
  return suite;
}
