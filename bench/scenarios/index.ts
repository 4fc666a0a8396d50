/**
 * Every benchmark scenario, in the order `npm run bench` measures them. A new scenario is a file here and a line
 * in this list.
 */
import type { Scenario } from '../scenario';
import { onboarding } from './onboarding';

export const SCENARIOS: readonly Scenario[] = [onboarding];
