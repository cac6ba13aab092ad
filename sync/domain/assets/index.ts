export * from './asset-catalog';
export * from './asset-cache';
export * from './asset-usage';
