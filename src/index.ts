// The only module adapters import: the core's public surface.
export { createPinpoint, type PinpointOptions } from './pinpoint.js';
export {
  parseConfig,
  configSchema,
  describeConfig,
  enabledPlatforms,
  secretValues,
  lookalikeSettings,
  SECRET_KEYS,
  PLATFORM_VARIABLES,
  ratesOf,
  type Config,
  type PlatformPlan,
} from './config.js';
export { PinpointError, isPinpointError, type PinpointErrorCode } from './errors.js';
export { silentLogger, type Logger } from './logger.js';
export { MAX_QUOTE_CHARS } from './answer/excerpt.js';
export { terminalSafe, toTerminalText, wantsColor, type TextFormatOptions } from './answer/format-text.js';
export { missingWordsSentence } from './answer/missing-words.js';
export { counted } from './counted.js';
export { MAX_QUESTION_CHARS } from './answer/answer.js';
export { cleanQuestion, questionTooLongText } from './answer/question-text.js';
export { formatNoMatchReport } from './state/index.js';
export { quotesPassagesShown } from './pins/same-passages.js';
export { pageOf } from './answer-page.js';
export type * from './services.js';
export type * from './types.js';
