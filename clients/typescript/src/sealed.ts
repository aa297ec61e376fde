// AES-256-GCM through Web Crypto (`crypto.subtle`): a random 96-bit nonce per message, and additional
// authenticated data binding a ciphertext to its purpose, as the Python SDK's SealedBox does.

import { base64url, randomBytes, utf8 } from "./util.js";

const FORMAT = "v1.";

function subtle(): SubtleCrypto {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (!c?.subtle) {
    throw new Error(
      "crypto.subtle (Web Crypto) is not available: on React Native install a Web Crypto polyfill " +
        "(e.g. react-native-quick-crypto) to encrypt the offline queue",
    );
  }
  return c.subtle;
}

function fromBase64url(text: string): Uint8Array {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const v = alphabet.indexOf(ch);
    if (v < 0) throw new Error("not base64url");
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 0xff);
    }
  }
  return new Uint8Array(out);
}

/** The sealed text could not be opened: another key, or it was altered. */
export class SealedBoxError extends Error {}

export class SealedBox {
  private constructor(private readonly key: CryptoKey) {}

  /** 32 random bytes: keep them in secure storage (Keychain / Keystore / an app-private file). */
  static generateKey(): Uint8Array {
    return randomBytes(32);
  }

  static async fromKey(key: Uint8Array | CryptoKey): Promise<SealedBox> {
    if (!(key instanceof Uint8Array)) return new SealedBox(key);
    if (key.length !== 32) throw new Error("an AES-256-GCM key is 32 bytes");
    const imported = await subtle().importKey("raw", key as Uint8Array<ArrayBuffer>, "AES-GCM", false, [
      "encrypt",
      "decrypt",
    ]);
    return new SealedBox(imported);
  }

  static encodeKey(key: Uint8Array): string {
    return base64url(key);
  }

  static decodeKey(text: string): Uint8Array {
    return fromBase64url(text);
  }

  async seal(plaintext: string, aad: string): Promise<string> {
    const nonce = randomBytes(12);
    const ct = await subtle().encrypt(
      { name: "AES-GCM", iv: nonce as Uint8Array<ArrayBuffer>, additionalData: utf8(aad) as Uint8Array<ArrayBuffer> },
      this.key,
      utf8(plaintext) as Uint8Array<ArrayBuffer>,
    );
    const sealed = new Uint8Array(nonce.length + ct.byteLength);
    sealed.set(nonce, 0);
    sealed.set(new Uint8Array(ct), nonce.length);
    return FORMAT + base64url(sealed);
  }

  async open(sealed: string, aad: string): Promise<string> {
    if (!sealed.startsWith(FORMAT)) throw new SealedBoxError("not a sealed value");
    let bytes: Uint8Array;
    try {
      bytes = fromBase64url(sealed.slice(FORMAT.length));
    } catch {
      throw new SealedBoxError("not a sealed value");
    }
    try {
      const pt = await subtle().decrypt(
        { name: "AES-GCM", iv: bytes.slice(0, 12), additionalData: utf8(aad) as Uint8Array<ArrayBuffer> },
        this.key,
        bytes.slice(12),
      );
      return new TextDecoder().decode(pt);
    } catch (err) {
      throw new SealedBoxError("cannot be decrypted with this key (another key, or altered)", { cause: err });
    }
  }
}
