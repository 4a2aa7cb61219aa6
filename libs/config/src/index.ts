export * from './environment';
export * from './configuration';
export * from './config.module';
export * from './assert-environment';
