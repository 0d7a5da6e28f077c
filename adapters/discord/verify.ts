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

/**
 * Discord signs `timestamp + raw body` with Ed25519 and sends the signature as hex in
 * `X-Signature-Ed25519`. Anything malformed is simply "not verified".
 */
export function verifyDiscordSignature(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  rawBody: Buffer,
): boolean {
  if (!signatureHex || !timestamp || !/^[0-9a-fA-F]{128}$/.test(signatureHex)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]), key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}
