import { readFileSync } from 'node:fs';
import { format } from 'prettier';
import { REFERENCE_FILE, valuesReference } from './values-reference';

describe('the Helm values reference', () => {
  it('is current with values.schema.json and values.yaml (regenerate: node -r @swc-node/register tools/helm/values-reference.ts)', async () => {
    const generated = await format(valuesReference(), {
      filepath: REFERENCE_FILE,
      singleQuote: true,
      printWidth: 110,
    });
    expect(readFileSync(REFERENCE_FILE, 'utf8')).toBe(generated);
  });
});
