// The session token, in next-auth's own format (a JWE: "dir", A256GCM, with the key
// derived from the secret by HKDF-SHA256), but with the key derived once per process.
// next-auth's encode/decode derive it on every call, and every request decodes twice
// (the proxy and the session read): the derivation was the largest single cost of
// reading a session in a CPU profile of the autosave path.
import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

const keys = new Map<string, Uint8Array>();

function keyFor(secret: string | Buffer, salt: string): Uint8Array {
  const id = `${salt}\u0000${secret.toString()}`;
  let key = keys.get(id);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`, 32));
    keys.set(id, key);
  }
  return key;
}

const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60; // next-auth's

export async function encodeJwt({ token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt = "" }: JWTEncodeParams): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token).setProtectedHeader({ alg: "dir", enc: "A256GCM" }).setIssuedAt().setExpirationTime(now + maxAge).setJti(randomUUID()).encrypt(keyFor(secret, salt));
}

export async function decodeJwt({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, keyFor(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}
