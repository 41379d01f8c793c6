import { SystemProbeEntity } from './entities/system-probe.entity';

/** Every entity, listed explicitly so the same list works from TypeScript sources and from dist. */
export const ENTITIES = [SystemProbeEntity];
