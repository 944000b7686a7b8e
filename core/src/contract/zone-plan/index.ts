/**
 * The zone planner: one plan of a zone for the zone wizard and the datacenter import. A ZoneSpec
 * (spec.ts) becomes ordered CloudStack calls (plan.ts) typed against the generated contract, run
 * with references resolved and ids read from answers (calls.ts), undone by a discard plan
 * (discard.ts); checks.ts holds the checks of what an operator or a description gives.
 */
export * from './spec';
export * from './calls';
export * from './plan';
export * from './discard';
export * from './checks';
