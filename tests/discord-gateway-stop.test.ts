import { describe, expect, it } from 'vitest';
import { TEXT } from '../adapters/discord/text.js';
import { FAKE_IDS } from './fakes/discord.js';
import { askPayload, autocompletePayload, buttonPayload, commandPayload, PERMS } from './fakes/discord-payloads.js';
import { startGatewayAdapter, useFakeDiscordSuite } from './helpers/discord-suite.js';

// What members see when they use the bot while the gateway adapter is stopping (a deploy or restart).

const suite = useFakeDiscordSuite();

const startGateway = () => startGatewayAdapter(suite);

const MODERATOR = { permissions: PERMS.moderator, userId: FAKE_IDS.moderator };
const EPHEMERAL = 64;

interface Reply {
  content?: string;
  components?: { components: { custom_id: string }[] }[];
}
const customIds = (reply: Reply): string[] => (reply.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id));

/** Dispatches an interaction and returns its first edit of @original, once Discord took it. */
async function editedIn(payload: Record<string, unknown>): Promise<Reply> {
  const from = suite.fake.calls.length;
  suite.fake.dispatch('INTERACTION_CREATE', payload);
  const edit = await suite.fake.waitForCall(
    (c) => c.method === 'PATCH' && c.path === `/webhooks/${FAKE_IDS.application}/${String(payload.token)}/messages/@original` && c.status === 200,
    from,
    `edit of ${String(payload.id)}`,
  );
  return edit.body as Reply;
}

/** The texts @original of `payload` was edited to, in order, from call index `from`. */
const editsOf = (payload: Record<string, unknown>, from: number): (string | undefined)[] =>
  suite.fake.calls
    .slice(from)
    .filter((c) => c.method === 'PATCH' && c.path === `/webhooks/${FAKE_IDS.application}/${String(payload.token)}/messages/@original`)
    .map((c) => (c.body as Reply).content);

const callbackOf = (payload: Record<string, unknown>, from: number) =>
  suite.fake.waitForCall((c) => c.path === `/interactions/${String(payload.id)}/${String(payload.token)}/callback`, from, `callback of ${String(payload.id)}`);

describe('discord gateway mode while stopping', () => {
  it('tells a member to try again (privately, autocomplete with no choices) instead of leaving the interaction unanswered', async () => {
    const { adapter, logger } = await startGateway();
    // An answer still being delivered keeps stop() draining, with the gateway connected.
    const held = suite.fake.hold('PATCH', new RegExp(`^/webhooks/${FAKE_IDS.application}/[^/]+/messages/@original$`));
    const busy = askPayload('What is the Inbox API agreement?');
    const from = suite.fake.calls.length;
    suite.fake.dispatch('INTERACTION_CREATE', busy);
    await held.reached;
    const stopping = adapter.stop();

    const late = askPayload('What did Netflix send Facebook in return?');
    const typing = autocompletePayload('Netf');
    suite.fake.dispatch('INTERACTION_CREATE', late);
    suite.fake.dispatch('INTERACTION_CREATE', typing);
    expect((await callbackOf(late, from)).body).toEqual({
      type: 4,
      data: { content: TEXT.restarting, embeds: [], components: [], allowed_mentions: { parse: [] }, flags: 64 },
    });
    expect((await callbackOf(typing, from)).body).toEqual({ type: 8, data: { choices: [] } });

    held.release();
    await stopping;
    // The work already under way was finished; the late ones never reached the core.
    await logger.waitFor((e) => e.fields.interaction === busy.id && e.message === 'discord interaction handled');
    const handled = logger.entries.filter((e) => e.message === 'discord interaction handled').map((e) => e.fields.interaction);
    expect(handled).toEqual([busy.id]);
    expect(suite.fake.calls.slice(from).filter((c) => c.path.includes(String(late.token)))).toHaveLength(1);
  });

  it('waits for an answer under way as long as the shutdown budget stop() is given, not a fixed 3 s', async () => {
    const { adapter, logger } = await startGateway();
    const held = suite.fake.hold('PATCH', new RegExp(`^/webhooks/${FAKE_IDS.application}/[^/]+/messages/@original$`));
    const busy = askPayload('What is the Inbox API agreement?');
    suite.fake.dispatch('INTERACTION_CREATE', busy);
    await held.reached;
    // SHUTDOWN_TIMEOUT_MS raised for a slow network: main.ts hands the adapters what is left of it.
    let stopped = false;
    const stopping = adapter.stop(20_000).then(() => {
      stopped = true;
    });
    // Discord is slower than the old fixed wait to take the answer.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(stopped).toBe(false);
    held.release();
    await stopping;
    expect(logger.entries.some((e) => e.fields.interaction === busy.id && e.message === 'discord interaction handled')).toBe(true);
  });

  it('tells a member whose answer is still under way when the wait runs out to ask again, instead of leaving "thinking…"', async () => {
    const { adapter, logger } = await startGateway();
    // Discord never takes the answer: its edit hangs until the process would be gone.
    const held = suite.fake.hold('PATCH', new RegExp(`^/webhooks/${FAKE_IDS.application}/[^/]+/messages/@original$`));
    suite.cleanups.push(() => held.release());
    const busy = askPayload('What is the Inbox API agreement?');
    const from = suite.fake.calls.length;
    suite.fake.dispatch('INTERACTION_CREATE', busy);
    await held.reached;

    await adapter.stop(800);

    const told = suite.fake.calls
      .slice(from)
      .filter((c) => c.method === 'PATCH' && c.path === `/webhooks/${FAKE_IDS.application}/${String(busy.token)}/messages/@original`);
    expect(told.map((c) => c.body)).toEqual([{ content: TEXT.restartedBeforeAnswer, embeds: [], components: [], allowed_mentions: { parse: [] } }]);
    expect(told[0]?.status).toBe(200);
    expect(logger.entries.some((e) => e.message === 'discord answers cut off by the shutdown: members told to ask again')).toBe(true);
  });

  it('leaves an answer that was delivered before the wait ran out as it is', async () => {
    const { adapter } = await startGateway();
    const busy = askPayload('What is the Inbox API agreement?');
    const from = suite.fake.calls.length;
    suite.fake.dispatch('INTERACTION_CREATE', busy);
    const answered = await suite.fake.waitForCall((c) => c.method === 'PATCH' && c.path.includes(String(busy.token)), from, 'the answer');

    await adapter.stop(800);

    const edits = suite.fake.calls.slice(from).filter((c) => c.method === 'PATCH' && c.path.includes(String(busy.token)));
    expect(edits).toEqual([answered]);
  });

  it('tells a moderator whose pin the shutdown cut off to press Pin again, instead of leaving "Posting…" for good', async () => {
    const { adapter } = await startGateway();
    const answer = await editedIn(askPayload('What is the Inbox API agreement?', { private: true }));
    const pinId = customIds(answer).find((id) => id.startsWith('pp:p:')) ?? '';
    expect(pinId).not.toBe('');
    const press = buttonPayload(pinId, { ...MODERATOR, messageFlags: EPHEMERAL });
    // Discord never takes the public copy of the private answer: the post hangs until the process would be gone.
    const held = suite.fake.hold('POST', new RegExp(`^/webhooks/${FAKE_IDS.application}/${String(press.token)}$`));
    suite.cleanups.push(() => held.release());
    const from = suite.fake.calls.length;
    suite.fake.dispatch('INTERACTION_CREATE', press);
    await held.reached;

    await adapter.stop(800);

    expect(editsOf(press, from)).toEqual(['Posting the answer publicly and pinning it…', TEXT.restartedBeforePin]);
  });

  it('tells a moderator whose unpin the shutdown cut off to check /pins, not to ask again', async () => {
    const { adapter } = await startGateway();
    const answer = await editedIn(askPayload('What is the Inbox API agreement?'));
    const pinId = customIds(answer).find((id) => id.startsWith('pp:p:')) ?? '';
    expect((await editedIn(buttonPayload(pinId, MODERATOR))).content).toBe(TEXT.pinned);
    const unpinId = customIds(await editedIn(commandPayload('pins', {}, MODERATOR))).find((id) => id.startsWith('pp:u:')) ?? '';
    expect(unpinId).not.toBe('');
    const press = buttonPayload(unpinId, { ...MODERATOR, messageFlags: EPHEMERAL });
    // Discord never answers the unpin of the message.
    const held = suite.fake.hold('DELETE', /^\/channels\/\d+\/messages\/pins\/\d+$/);
    suite.cleanups.push(() => held.release());
    const from = suite.fake.calls.length;
    suite.fake.dispatch('INTERACTION_CREATE', press);
    await held.reached;

    await adapter.stop(800);

    expect(editsOf(press, from)).toEqual([TEXT.restartedBeforeUnpin]);
  });
});
