import { generateKeyPair, exportSPKI, SignJWT } from 'jose';
import {
  CONTROL_TOKEN_AUDIENCE,
  MEDIA_TOKEN_ALG,
  MEDIA_TOKEN_AUDIENCE,
  MEDIA_TOKEN_ISSUER,
  type ControlTokenClaims,
  type MediaTokenClaims,
} from '@visite/contracts';

type CryptoKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export interface TestKeys {
  privateKey: CryptoKey;
  publicKeyPem: string;
}

export async function generateTestKeys(): Promise<TestKeys> {
  const { privateKey, publicKey } = await generateKeyPair(MEDIA_TOKEN_ALG, { extractable: true });
  return { privateKey, publicKeyPem: await exportSPKI(publicKey) };
}

interface SignOptions {
  audience?: string;
  issuer?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
}

async function sign(claims: Record<string, unknown>, key: CryptoKey, audience: string, options: SignOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: MEDIA_TOKEN_ALG })
    .setIssuer(options.issuer ?? MEDIA_TOKEN_ISSUER)
    .setAudience(options.audience ?? audience)
    .setIssuedAt(now - 120)
    .setExpirationTime(now + (options.expiresIn ?? 300))
    .sign(key);
}

export function mediaToken(keys: TestKeys, claims: Partial<MediaTokenClaims> & { room: string }, options: SignOptions = {}): Promise<string> {
  const full: MediaTokenClaims = { sub: 'peer-1', role: 'patient', name: 'Test Peer', ...claims };
  return sign({ ...full }, keys.privateKey, MEDIA_TOKEN_AUDIENCE, options);
}

export function controlToken(keys: TestKeys, claims: ControlTokenClaims, options: SignOptions = {}): Promise<string> {
  return sign({ ...claims }, keys.privateKey, CONTROL_TOKEN_AUDIENCE, options);
}
