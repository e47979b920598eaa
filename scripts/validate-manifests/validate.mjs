// Validates every resource of a multi-document Kubernetes YAML file against the OpenAPI schema of its kind:
// core Kubernetes kinds from kubernetes-models, ServiceMonitor from @kubernetes-models/prometheus-operator.
// Unknown kinds, unknown fields the schemas forbid, wrong types and missing required fields fail the run.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const PROMETHEUS_OPERATOR_GROUP = "monitoring.coreos.com";

function modulePath(apiVersion) {
  if (apiVersion.startsWith(PROMETHEUS_OPERATOR_GROUP + "/")) {
    return `@kubernetes-models/prometheus-operator/${apiVersion}`;
  }
  return `kubernetes-models/${apiVersion}`;
}

async function validate(resource) {
  const { apiVersion, kind } = resource;
  const name = `${kind}/${resource.metadata?.name}`;
  let models;
  try {
    models = await import(modulePath(apiVersion));
  } catch {
    throw new Error(`${name}: no schema for apiVersion ${apiVersion}`);
  }
  const Model = models[kind];
  if (!Model) {
    throw new Error(`${name}: no schema for kind ${kind} in ${apiVersion}`);
  }
  try {
    new Model(resource).validate();
  } catch (e) {
    throw new Error(`${name}: ${e.message}`);
  }
  return name;
}

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate.mjs MANIFESTS.yml");
  process.exit(2);
}
const documents = parseAllDocuments(readFileSync(file, "utf8"));
const failures = [];
let valid = 0;
for (const document of documents) {
  if (document.errors.length > 0) {
    failures.push(`YAML: ${document.errors.map((e) => e.message).join("; ")}`);
    continue;
  }
  const resource = document.toJS();
  if (resource === null) {
    continue;
  }
  try {
    console.log(`valid: ${await validate(resource)}`);
    valid++;
  } catch (e) {
    failures.push(e.message);
  }
}
for (const failure of failures) {
  console.error(`INVALID ${failure}`);
}
console.log(`${file}: ${valid} valid, ${failures.length} invalid`);
process.exit(failures.length === 0 && valid > 0 ? 0 : 1);
