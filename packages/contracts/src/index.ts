export * from './protocol';
export * from './media-token';
export * from './http/auth';
export * from './http/visits';
export * from './http/join';
export * from './realtime/events';
export * from './signaling/messages';
