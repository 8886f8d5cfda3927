// Every service the local cloud runs, in start order (a service may use those before it).
import type { ServiceFactory } from './server/types';

export const ALL_SERVICES: readonly ServiceFactory[] = [];
