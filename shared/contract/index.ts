/** The typed contract between main and renderer. */
export * from './define';
export * from './schemas';
export * from './engine-schemas';
export * from './ledger-schemas';
export * from './settings-schemas';
export * from './setup-schemas';
export * from './mapping-schemas';
export * from './channels';
export * from './names';
export * from './bridge';
export * from './wire';
