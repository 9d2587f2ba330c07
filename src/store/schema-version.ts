/**
 * Bumped whenever schema.sql changes shape, so old databases are rebuilt. Its own module so
 * the freshness check a read command makes does not load the whole build.
 */
export const SCHEMA_VERSION = '5';
