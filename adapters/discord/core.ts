// The one place this adapter imports the core from (the dependency rule: adapters → src/index.ts).
export type {
  Answer,
  Citation,
  Config,
  DocumentSummary,
  Excerpt,
  IndexStats,
  Logger,
  PassageView,
  Pin,
  PinScope,
  Pinpoint,
} from '../../src/index.js';
export { PinpointError, cleanQuestion, counted, isPinpointError, missingWordsSentence, pageOf, questionTooLongText, quotesPassagesShown } from '../../src/index.js';
