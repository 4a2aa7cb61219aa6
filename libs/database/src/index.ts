export * from './column-types';
export * from './data-source-options';
export * from './migration-runner';
export * from './transaction-runner';
export * from './database.module';
export * from './pagination';
export * from './snake-naming.strategy';
export * from './bulk-insert';
