export type PinpointErrorCode =
  | 'CONFIG_INVALID'
  | 'KNOWLEDGE_MISSING'
  | 'KNOWLEDGE_EMPTY'
  | 'DOCUMENT_INVALID'
  | 'PACK_INVALID'
  | 'STORE_UNAVAILABLE'
  | 'STORE_CORRUPT'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'FORBIDDEN'
  | 'INPUT_INVALID';

/** The one error class of the core: `message` starts with "pinpoint:" and says what to fix. */
export class PinpointError extends Error {
  readonly code: PinpointErrorCode;

  constructor(code: PinpointErrorCode, message: string, options?: { cause?: unknown }) {
    super(message.startsWith('pinpoint:') ? message : `pinpoint: ${message}`, options);
    this.name = 'PinpointError';
    this.code = code;
  }
}

export function isPinpointError(error: unknown): error is PinpointError {
  return error instanceof PinpointError;
}
