import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIND_SOURCES_CALLBACK_ID } from '../adapters/slack/actions.js';
import { SLACK_EVENTS_PATH } from '../adapters/slack/index.js';
import { parseConfig } from '../src/config.js';

interface Manifest {
  features: {
    app_home: { home_tab_enabled: boolean };
    slash_commands: { command: string; url: string }[];
    shortcuts: { type: string; callback_id: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
  };
}

const manifest = parse(readFileSync(path.join(import.meta.dirname, '..', 'slack-manifest.yaml'), 'utf8')) as Manifest;

describe('slack-manifest.yaml', () => {
  it('asks for the minimal scopes only', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'channels:read', 'chat:write', 'commands', 'pins:write', 'users:read']);
  });

  it('declares the command, shortcut and events the adapter listens to', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([parseConfig({}).SLACK_COMMAND]);
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: FIND_SOURCES_CALLBACK_ID })]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'app_home_opened']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it('points every request URL at the one events path', () => {
    const urls = [
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
  });
});
