/**
 * The statistics the server calls for satisfaction, equity and trends: counts in, published
 * figures out. Pure functions; see each module for the standards they follow.
 */
export * from './fft';
export * from './wilson';
export * from './suppression';
export * from './satisfaction';
export * from './equity';
export * from './trends';
export * from './periods';
