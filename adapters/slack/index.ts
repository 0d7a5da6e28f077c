export { createSlackAdapter } from './adapter.js';
export type { SlackAdapterConfig, SlackAdapterOptions } from './adapter.js';
export { SLACK_EVENTS_PATH } from './receiver.js';
