import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SEARCH_ATTRIBUTE_CLI_TYPES, SEARCH_ATTRIBUTES } from '../libs/contracts/src/search-attributes';

describe('Temporal search attributes', () => {
  it('registers exactly the attributes the workflows upsert', () => {
    const lines = readFileSync(resolve(__dirname, 'temporal-search-attributes.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const fromCode = Object.values(SEARCH_ATTRIBUTES).map(
      (a) => `${a.name}=${SEARCH_ATTRIBUTE_CLI_TYPES[a.type]}`,
    );
    expect(lines.sort()).toEqual(fromCode.sort());
  });
});
