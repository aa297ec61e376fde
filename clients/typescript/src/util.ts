// Small platform-neutral helpers: only globals that browsers, Node >= 20 and React Native (Hermes) share.

const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function encode(bytes: Uint8Array, alphabet: string, pad: boolean): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + alphabet[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]! + (pad ? "==" : "");
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + (pad ? "=" : "");
  }
  return out;
}

/** base64url without padding (RFC 4648 §5), as PKCE and JOSE use it. */
export function base64url(bytes: Uint8Array): string {
  return encode(bytes, B64URL, false);
}

/** Standard base64 with padding (HTTP Basic credentials). */
export function base64(bytes: Uint8Array): string {
  return encode(bytes, B64, true);
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Cryptographically random bytes from Web Crypto (`crypto.getRandomValues`). */
export function randomBytes(length: number): Uint8Array {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (!c || typeof c.getRandomValues !== "function") {
    throw new Error(
      "crypto.getRandomValues is not available: on React Native install a polyfill such as react-native-get-random-values",
    );
  }
  return c.getRandomValues(new Uint8Array(length));
}

/** A random UUID v4 (`crypto.randomUUID` when present, otherwise built from getRandomValues). */
export function uuid4(): string {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c && typeof c.randomUUID === "function") return c.randomUUID();
  const b = randomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** A correlation id in the server's shape (`req_` + 26 base32 characters; accepted by `X-Request-Id`). */
export function newRequestId(): string {
  const bytes = randomBytes(26);
  let out = "req_";
  for (const b of bytes) out += ID_ALPHABET[b & 31]!;
  return out;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** setTimeout-based sleep that rejects with the signal's reason when aborted. */
export const defaultSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new Error("aborted"));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error("aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
