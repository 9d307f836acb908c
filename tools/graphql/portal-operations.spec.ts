import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { generatePortalOperations, GENERATED_FILE_NAME, PORTAL_LIBS_DIR } from './portal-operations';
import { PUBLIC_SCHEMA_FILE } from './public-schema';

/**
 * The portal's typed operations are generated from its .graphql documents and the public schema, and
 * committed: a stale file, or a document the schema no longer serves, fails here (UPDATE_SCHEMAS=1
 * rewrites the files).
 */
describe("the portal's typed operations", () => {
  const root = workspaceRoot();

  it('are committed as generated from the .graphql documents (UPDATE_SCHEMAS=1 rewrites them)', async () => {
    const files = await generatePortalOperations(root);
    expect(files.map((file) => file.path)).toContain(
      join(PORTAL_LIBS_DIR, 'feature-inbox', 'src', 'lib', GENERATED_FILE_NAME),
    );
    for (const file of files) {
      const committed = join(root, file.path);
      if (process.env['UPDATE_SCHEMAS'] === '1' || !existsSync(committed))
        writeFileSync(committed, file.content);
      expect({ path: file.path, content: readFileSync(committed, 'utf8') }).toEqual(file);
    }
    // Code generation over every portal document: seconds on a busy two-core machine, not a unit's 5 s.
  }, 60_000);

  it('refuses a document that asks for a field the API does not have, naming its file', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'portal-operations-'));
    mkdirSync(join(scratch, 'docs', 'api'), { recursive: true });
    cpSync(join(root, PUBLIC_SCHEMA_FILE), join(scratch, PUBLIC_SCHEMA_FILE));
    const lib = join(scratch, PORTAL_LIBS_DIR, 'feature-x', 'src', 'lib');
    mkdirSync(lib, { recursive: true });
    writeFileSync(join(lib, 'broken.graphql'), 'query Broken { cases { totalCount shoeSize } }');
    await expect(generatePortalOperations(scratch)).rejects.toThrow(
      /libs\/portal\/feature-x\/src\/lib\/broken.graphql does not match the public schema: Cannot query field "shoeSize"/,
    );
  });
});
