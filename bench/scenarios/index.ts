/**
 * Every benchmark scenario, in the order `npm run bench` measures them. A new scenario is a file here and a line
 * in this list.
 */
import type { Scenario } from '../scenario';
import { broadcast } from './broadcast';
import { exportScenario } from './export';
import { offboarding } from './offboarding';
import { onboarding } from './onboarding';

export const SCENARIOS: readonly Scenario[] = [onboarding, broadcast, offboarding, exportScenario];
