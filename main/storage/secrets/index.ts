/** Secret stores: the OS keychain (keytar) for the product, memory for demo and tests. */
export { KeytarSecretStore, loadSystemKeytar, type KeytarApi } from './keytar-secret-store';
export { MemorySecretStore } from './memory-secret-store';
export { MAX_SECRET_LENGTH, SECRET_KINDS, SECRET_SERVICE, SecretStoreError, secretAccount } from './keys';
