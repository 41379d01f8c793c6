import { CreateSystemProbe1764140000000 } from './migrations/1764140000000-create-system-probe';

/** Every migration in order. A new migration is appended here (see README: schema changes). */
export const MIGRATIONS = [CreateSystemProbe1764140000000];
