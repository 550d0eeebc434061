export * from './zoned-time';
export * from './wall-time';
export * from './slots';
