import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const RELATIVE = join('libs', 'notifications', 'templates');

/**
 * Where the `.hbs` files are. tsc does not copy them, so they are read from the repository (or image) root in
 * every layout: this file runs from libs/notifications/src/templates (sources, tests) or from
 * dist/libs/notifications/src/templates (build); walking up finds `<root>/libs/notifications/templates`
 * either way. docker/Dockerfile copies that folder into the image.
 */
export function templatesDir(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, RELATIVE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir)
      throw new Error(`notification templates not found above ${from} (expected ${RELATIVE})`);
  }
}
