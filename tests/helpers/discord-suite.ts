import { afterAll, afterEach, beforeAll } from 'vitest';
import { createDiscordAdapter, type DiscordAdapterOptions } from '../../adapters/discord/index.js';
import { createPinpoint } from '../../src/index.js';
import { createRecordingLogger } from '../fakes/discord-logger.js';
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

/**
 * A gateway-mode adapter over the Discord fixture knowledge and this suite's fake, started; the adapter is
 * stopped and its core closed after the test. `options` adds to or replaces the adapter's own.
 */
export async function startGatewayAdapter(suite: FakeDiscordSuite, options: Partial<DiscordAdapterOptions> = {}) {
  const core = await createPinpoint({ knowledgeDir: 'tests/fixtures/discord/knowledge' });
  suite.cleanups.push(() => core.close());
  const logger = createRecordingLogger();
  const adapter = createDiscordAdapter({
    core,
    config: { DISCORD_TOKEN: 'fake-bot-token', DISCORD_API_BASE: suite.fake.apiBase, DISCORD_PUBLIC_KEY: undefined },
    logger,
    ...options,
  });
  suite.cleanups.push(() => adapter.stop());
  await adapter.start();
  return { adapter, logger };
}
