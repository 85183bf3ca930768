import fc from 'fast-check';

/**
 * `npm test` must give the same answer on every run: property tests use a
 * fixed seed there. `npm run fuzz` (FUZZ_RUNS set) explores new random cases;
 * FUZZ_SEED replays one.
 */
if (!process.env.FUZZ_RUNS || process.env.FUZZ_SEED) {
  fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED ?? 20261125) });
}
