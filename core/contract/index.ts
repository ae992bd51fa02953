export * from './api';
export * from './errors';
export * from './types';
export * from './envelope';
export * from './limits';
