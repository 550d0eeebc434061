
export * from './fee-table';
export * from './nir';
export * from './rules';
export * from './propose-code';
export * from './sample-line';
