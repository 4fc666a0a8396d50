/**
 * The workloads the fault soak runs. Members sync, message sends and exports join this list as those features
 * land (each as one file here implementing SoakWorkload).
 */
import type { SoakWorkload } from '../soak';
import { spacesApply } from './spacesApply';

export const SOAK_WORKLOADS: readonly SoakWorkload[] = [spacesApply];
