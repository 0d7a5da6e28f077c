import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { PinpointError } from './core.js';

/** Turns the Developer Portal's hex public key into a key node:crypto can verify Ed25519 with. */
export function discordPublicKey(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
    throw new PinpointError(
      'CONFIG_INVALID',
      `pinpoint: DISCORD_PUBLIC_KEY must be the 64 hex characters shown as "Public Key" in the Discord Developer Portal (got ${hex.length} characters); copy it again`,
    );
  }
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

/** Replay window, as Slack's: a captured signed request is refused once its timestamp is this far from now. */
const MAX_TIMESTAMP_SKEW_SECONDS = 300 as const;

export interface SignedInteraction {
  key: KeyObject;
  signatureHex: string | undefined;
  timestamp: string | undefined;
  rawBody: Buffer;
  /** Clock in milliseconds (tests); default Date.now(). */
  nowMs?: number | undefined;
}

/** `validUntilMs`: from then on the timestamp window refuses this signed request, so a replay needs no remembering. */
export type VerifyResult = { ok: true; validUntilMs: number } | { ok: false; reason: string };

/**
 * Discord signs `timestamp + raw body` with Ed25519 and sends the signature as hex in
 * `X-Signature-Ed25519`. The signature alone never expires, so the timestamp must also be within
 * 5 minutes of now in either direction. Anything malformed is simply "not verified".
 */
export function verifyDiscordSignature(request: SignedInteraction): VerifyResult {
  const { signatureHex, timestamp } = request;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'missing or malformed x-signature-timestamp' };
  if (!signatureHex || !/^[0-9a-fA-F]{128}$/.test(signatureHex)) return { ok: false, reason: 'missing or malformed x-signature-ed25519' };
  const nowSeconds = Math.floor((request.nowMs ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_TIMESTAMP_SKEW_SECONDS) {
    return { ok: false, reason: 'timestamp more than 5 minutes away from now' };
  }
  try {
    const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), request.rawBody]);
    if (verify(null, signed, request.key, Buffer.from(signatureHex, 'hex'))) {
      return { ok: true, validUntilMs: (Number(timestamp) + MAX_TIMESTAMP_SKEW_SECONDS + 1) * 1000 };
    }
  } catch {
    // A key or signature node:crypto cannot use is a mismatch like any other.
  }
  return { ok: false, reason: 'signature mismatch' };
}
