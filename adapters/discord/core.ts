// The one place this adapter imports the core from (the dependency rule: adapters → src/index.ts).
export type { Answer, Citation, DocumentSummary, Excerpt, Pin, PinScope } from '../../src/types.js';
export type { IndexStats, PassageView, Pinpoint } from '../../src/services.js';
export type { Logger } from '../../src/logger.js';
export type { Config } from '../../src/config.js';
export { PinpointError, isPinpointError } from '../../src/errors.js';
export { silentLogger } from '../../src/logger.js';
