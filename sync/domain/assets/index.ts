export * from './asset-catalog';
export * from './asset-cache';
