// Validates Kubernetes manifests against the OpenAPI schema of the Kubernetes release kubernetes-models was
// generated from (ESM only, hence a script of its own): `node validate-manifests.mjs FILE...` prints a JSON list
// of { file, kind, name, error } — empty when every object is valid. An apiVersion/kind the release does not
// know is an error too. Used by tools/helm/chart.integration-spec.ts.
import { readFileSync } from 'node:fs';
import * as models from 'kubernetes-models';
import { parseAllDocuments } from 'yaml';

/** models[group][version][kind] (networking.k8s.io → networkingK8sIo), or models[version][kind] for the core group. */
function modelOf({ apiVersion = '', kind = '' }) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const key = group.replace(/\.([a-z])/g, (_match, letter) => letter.toUpperCase());
  return group ? models[key]?.[version]?.[kind] : models[version]?.[kind];
}

const problems = [];
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
    const object = document.toJS();
    if (!object) continue;
    const where = { file, kind: `${object.apiVersion} ${object.kind}`, name: object.metadata?.name };
    const Model = modelOf(object);
    if (!Model) {
      problems.push({ ...where, error: 'not a kind of this Kubernetes release' });
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      problems.push({ ...where, error: error.message });
    }
  }
}
process.stdout.write(JSON.stringify(problems));
