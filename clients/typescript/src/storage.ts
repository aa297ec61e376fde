// Pluggable storage. Tokens go through `TokenStorage` (back it with the Keychain / Keystore on mobile);
// the offline queue goes through `KeyValueStorage` (AsyncStorage, MMKV, a file, ...).

/** Async string key-value storage. */
export interface KeyValueStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

/** Secure storage for token sets (same shape; implementations should be hardware-backed on mobile). */
export type TokenStorage = KeyValueStorage;

/** The default: process memory only (tokens are lost on restart). */
export class MemoryStorage implements KeyValueStorage {
  private readonly data = new Map<string, string>();
  async getItem(key: string): Promise<string | null> {
    return this.data.has(key) ? (this.data.get(key) as string) : null;
  }
  async setItem(key: string, value: string): Promise<void> {
    this.data.set(key, value);
  }
  async removeItem(key: string): Promise<void> {
    this.data.delete(key);
  }
}

export { MemoryStorage as MemoryTokenStorage };

/**
 * The subset of `react-native-keychain` used (v8+ API). Pass the imported module itself:
 *   import * as Keychain from "react-native-keychain";
 *   const storage = new KeychainTokenStorage(Keychain, { accessible: Keychain.ACCESSIBLE.WHEN_UNLOCKED_THIS_DEVICE_ONLY });
 * No dependency is taken on the library: it is injected.
 */
export interface KeychainLike {
  setGenericPassword(username: string, password: string, options?: Record<string, unknown>): Promise<unknown>;
  getGenericPassword(options?: Record<string, unknown>): Promise<false | { username: string; password: string }>;
  resetGenericPassword(options?: Record<string, unknown>): Promise<boolean | void>;
}

/** TokenStorage on the iOS Keychain / Android Keystore through react-native-keychain (one service per key). */
export class KeychainTokenStorage implements TokenStorage {
  constructor(
    private readonly keychain: KeychainLike,
    private readonly options: Record<string, unknown> = {},
    private readonly servicePrefix = "dev.companyos.",
  ) {}
  private opts(key: string): Record<string, unknown> {
    return { ...this.options, service: this.servicePrefix + key };
  }
  async getItem(key: string): Promise<string | null> {
    const found = await this.keychain.getGenericPassword(this.opts(key));
    return found ? found.password : null;
  }
  async setItem(key: string, value: string): Promise<void> {
    await this.keychain.setGenericPassword(key, value, this.opts(key));
  }
  async removeItem(key: string): Promise<void> {
    await this.keychain.resetGenericPassword(this.opts(key));
  }
}

/** The subset of `expo-secure-store` used; inject the module (`import * as SecureStore from "expo-secure-store"`). */
export interface SecureStoreLike {
  getItemAsync(key: string, options?: Record<string, unknown>): Promise<string | null>;
  setItemAsync(key: string, value: string, options?: Record<string, unknown>): Promise<void>;
  deleteItemAsync(key: string, options?: Record<string, unknown>): Promise<void>;
}

export class SecureStoreTokenStorage implements TokenStorage {
  constructor(
    private readonly store: SecureStoreLike,
    private readonly options: Record<string, unknown> = {},
  ) {}
  // expo-secure-store keys allow only [A-Za-z0-9._-]
  private k(key: string): string {
    return key.replace(/[^A-Za-z0-9._-]/g, "_");
  }
  getItem(key: string): Promise<string | null> {
    return this.store.getItemAsync(this.k(key), this.options);
  }
  setItem(key: string, value: string): Promise<void> {
    return this.store.setItemAsync(this.k(key), value, this.options);
  }
  removeItem(key: string): Promise<void> {
    return this.store.deleteItemAsync(this.k(key), this.options);
  }
}
