export type { HubEngine, HubStorage, Queryable, QueryResult, SqlParam } from './storage';
export { openHubStorage, type StorageConfig } from './open';
export { migrate } from './migrate';
export { migrations } from './migrations';
export { checkedSchema } from './postgres';
