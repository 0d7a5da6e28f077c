import { describe, expect, it } from 'vitest';
import { startGatewayAdapter, useFakeDiscordSuite } from './helpers/discord-suite.js';

// What the running gateway adapter says when Discord closes the connection for good.

const suite = useFakeDiscordSuite();

async function startGateway() {
  const reported: (string | undefined)[] = [];
  const started = await startGatewayAdapter(suite, { reportError: (kind) => reported.push(kind) });
  return { ...started, reported };
}

describe('discord gateway closed for good while running', () => {
  it('logs an error naming DISCORD_TOKEN and counts it when Discord rejects the token (4004, e.g. after a token reset)', async () => {
    const { adapter, logger, reported } = await startGateway();
    suite.fake.dropGateway(4004);
    const logged = await logger.waitFor((e) => e.level === 'error' && e.fields.code === 4004);
    expect(logged.message).toMatch(/DISCORD_TOKEN/);
    expect(logged.message).toMatch(/no longer receives Discord interactions/);
    expect(reported).toEqual(['gateway']);
    expect(adapter.ready()).toBe(false);
  });

  it('names the intents when Discord refuses them (4014)', async () => {
    const { logger, reported } = await startGateway();
    suite.fake.dropGateway(4014);
    const logged = await logger.waitFor((e) => e.level === 'error' && e.fields.code === 4014);
    expect(logged.message).toMatch(/intents/);
    expect(reported).toEqual(['gateway']);
  });

  it('keeps a recoverable close at warning level and resumes', async () => {
    const { adapter, logger, reported } = await startGateway();
    suite.fake.dropGateway(4000);
    await logger.waitFor((e) => e.message === 'discord gateway resumed');
    expect(adapter.ready()).toBe(true);
    expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
    expect(reported).toEqual([]);
  });
});
