import { Client, type DMChannel } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { startGatewayAdapter, useFakeDiscordSuite } from './helpers/discord-suite.js';

// The discord.js client the gateway adapter builds, beyond the messages the adapter renders itself.

const DM_CHANNEL = '700000000000000099';
const suite = useFakeDiscordSuite();

describe('discord gateway client', () => {
  // Every message the adapter renders sets allowed_mentions itself; this is the net under anything else
  // discord.js sends from this client (a future reply or channel.send that forgets it).
  it('pings nobody in a message discord.js sends without allowed_mentions of its own', async () => {
    let client: Client | undefined;
    await startGatewayAdapter(suite, { createClient: (options) => (client = new Client(options)) });
    if (!client) throw new Error('the adapter built no discord.js client');

    expect(client.options.allowedMentions).toEqual({ parse: [] });
    const channel = (await client.channels.fetch(DM_CHANNEL)) as DMChannel;
    const from = suite.fake.calls.length;
    await channel.send('@everyone <@600000000000000002> <@&500000000000000001> read this');
    const sent = await suite.fake.waitForCall((c) => c.method === 'POST' && c.path === `/channels/${DM_CHANNEL}/messages`, from);
    expect(sent.body).toMatchObject({
      content: '@everyone <@600000000000000002> <@&500000000000000001> read this',
      allowed_mentions: { parse: [] },
    });
  });
});
