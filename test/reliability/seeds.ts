/**
 * How many soak seeds a run uses: every seed under `npm run test:reliability` (which sets RELIABILITY_SEEDS=all),
 * a fixed first few under `npm test`, so CI soaks every workload without the full run's minutes.
 */
export function soakSeeds<T>(all: readonly T[], inDefaultRun: number): readonly T[] {
  return process.env.RELIABILITY_SEEDS === 'all' ? all : all.slice(0, inDefaultRun);
}
