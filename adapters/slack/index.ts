export { createSlackAdapter, slackMode } from './adapter.js';
export type { SlackAdapterConfig, SlackAdapterOptions } from './adapter.js';
export { toSlackBlocks, toSlackNotice, SLACK_LIMITS } from './render.js';
export { SLACK_EVENTS_PATH } from './receiver.js';
