import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's replay window; unlike Bolt we apply it in both directions (clock skew or forged future stamps). */
const MAX_TIMESTAMP_SKEW_SECONDS = 300 as const;

export interface SignedRequest {
  signingSecret: string;
  rawBody: Buffer;
  timestamp: string | string[] | undefined;
  signature: string | string[] | undefined;
  nowMs?: number;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/** Checks `X-Slack-Signature` = `v0=` + HMAC-SHA256(secret, `v0:{ts}:{raw body}`) and the timestamp window. */
export function verifySlackSignature(request: SignedRequest): VerifyResult {
  const { timestamp, signature } = request;
  if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, reason: 'missing or malformed x-slack-request-timestamp' };
  }
  if (typeof signature !== 'string' || !/^v0=[0-9a-f]{64}$/.test(signature)) {
    return { ok: false, reason: 'missing or malformed x-slack-signature' };
  }
  const nowSeconds = Math.floor((request.nowMs ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_TIMESTAMP_SKEW_SECONDS) {
    return { ok: false, reason: 'timestamp more than 5 minutes away from now' };
  }
  const expected = createHmac('sha256', request.signingSecret)
    .update(`v0:${timestamp}:`)
    .update(request.rawBody)
    .digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'signature mismatch' };
  }
  return { ok: true };
}
