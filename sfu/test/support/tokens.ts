import { generateKeyPair, exportSPKI, SignJWT } from 'jose';
import {
  CHECK_TOKEN_AUDIENCE,
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
  /** Seconds from now of `iat` (default: 120 s ago); null leaves `iat` out. */
  issuedAt?: number | null;
}

async function sign(claims: Record<string, unknown>, key: CryptoKey, audience: string, options: SignOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: MEDIA_TOKEN_ALG })
    .setIssuer(options.issuer ?? MEDIA_TOKEN_ISSUER)
    .setAudience(options.audience ?? audience)
    .setExpirationTime(now + (options.expiresIn ?? 300));
  if (options.issuedAt !== null) jwt.setIssuedAt(now + (options.issuedAt ?? -120));
  return jwt.sign(key);
}

export function mediaToken(keys: TestKeys, claims: Partial<MediaTokenClaims> & { room: string }, options: SignOptions = {}): Promise<string> {
  const full: MediaTokenClaims = { sub: 'peer-1', role: 'patient', name: 'Test Peer', ...claims };
  return sign({ ...full }, keys.privateKey, MEDIA_TOKEN_AUDIENCE, options);
}

export function controlToken(keys: TestKeys, claims: ControlTokenClaims, options: SignOptions = {}): Promise<string> {
  return sign({ ...claims }, keys.privateKey, CONTROL_TOKEN_AUDIENCE, options);
}

/** A pre-call check token as the server signs it (60 s, check audience); the room defaults to a check room. */
export function checkToken(keys: TestKeys, claims: Partial<MediaTokenClaims> & { room: string }, options: SignOptions = {}): Promise<string> {
  const full: MediaTokenClaims = { sub: 'check-peer', role: 'patient', name: 'Test Patient', ...claims };
  return sign({ ...full }, keys.privateKey, CHECK_TOKEN_AUDIENCE, { issuedAt: 0, expiresIn: 60, ...options });
}
