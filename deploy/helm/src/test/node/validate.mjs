// Checks Kubernetes manifests against the real schemas, offline:
//   node validate.mjs rendered.yaml [more.yaml ...]
// Every object of every (multi-document) file is checked by the model class of its apiVersion and
// kind (kubernetes-models, Strimzi, CloudNativePG, Prometheus Operator): types, enums, required
// fields. The models accept keys they do not know, so a misspelt key (spec.replica) would pass;
// the strict check below fails on any key the schema does not name. An object whose kind has no
// model fails too: nothing is let through unchecked. Prints one line per problem, exits 1 if any.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const THIRD_PARTY = {
  "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io",
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator/monitoring.coreos.com",
};

async function modelOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const module = THIRD_PARTY[group]
    ? `${THIRD_PARTY[group]}/${version}`
    : group === "" ? `kubernetes-models/${version}` : `kubernetes-models/${group}/${version}`;
  let exports;
  try {
    exports = await import(module);
  } catch {
    return null;
  }
  const model = exports[kind];
  return typeof model === "function" && model.apiVersion === apiVersion && model.kind === kind ? model : null;
}

/**
 * The keys of `object` that its schema does not name. The model's compiled schema is run on a
 * proxy that records which keys it looks at: a schema with properties looks at every property it
 * names (present or not) and at no other; a map (labels, a broker's config) is enumerated, so any
 * key is fine there; an object the schema never looks into is free-form
 * (x-kubernetes-preserve-unknown-fields) and cannot be checked further.
 */
function unknownKeys(model, object) {
  const looks = new WeakMap();
  const proxies = new WeakMap();
  const watch = (target) => {
    if (target === null || typeof target !== "object") {
      return target;
    }
    if (proxies.has(target)) {
      return proxies.get(target);
    }
    const look = { read: new Set(), enumerated: false };
    looks.set(target, look);
    const proxy = new Proxy(target, {
      get(t, key, receiver) {
        if (typeof key === "string") {
          look.read.add(key);
        }
        const value = Reflect.get(t, key, receiver);
        return typeof value === "function" ? value : watch(value);
      },
      has(t, key) {
        if (typeof key === "string") {
          look.read.add(key);
        }
        return Reflect.has(t, key);
      },
      ownKeys(t) {
        look.enumerated = true;
        return Reflect.ownKeys(t);
      },
    });
    proxies.set(target, proxy);
    return proxy;
  };
  try {
    model.prototype.validate.call(watch(object));
  } catch {
    // reported by validate() on the model itself
  }
  const unknown = [];
  const walk = (value, path) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}[${i}]`));
      return;
    }
    if (value === null || typeof value !== "object") {
      return;
    }
    const look = looks.get(value);
    if (!look || (!look.enumerated && look.read.size === 0)) {
      return;
    }
    for (const key of Object.keys(value)) {
      const child = path ? `${path}.${key}` : key;
      if (look.enumerated || look.read.has(key)) {
        walk(value[key], child);
      } else {
        unknown.push(child);
      }
    }
  };
  walk(object, "");
  return unknown;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate.mjs manifest.yaml...");
  process.exit(2);
}
const problems = [];
const kinds = new Map();
for (const file of files) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length > 0) {
      problems.push(`${file}: not YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const object = doc.toJS();
    if (object === null || object === undefined) {
      continue;
    }
    const name = `${object.kind}/${object.metadata?.name}`;
    const model = typeof object.apiVersion === "string" && typeof object.kind === "string"
      ? await modelOf(object.apiVersion, object.kind) : null;
    if (!model) {
      problems.push(`${file}: ${name}: no schema for apiVersion ${object.apiVersion}, kind ${object.kind}`);
      continue;
    }
    try {
      new model(object).validate();
    } catch (e) {
      problems.push(`${file}: ${name}: ${e.message}`);
      continue;
    }
    for (const key of unknownKeys(model, object)) {
      problems.push(`${file}: ${name}: unknown key ${key}`);
    }
    kinds.set(`${object.apiVersion} ${object.kind}`, (kinds.get(`${object.apiVersion} ${object.kind}`) ?? 0) + 1);
  }
}
const checked = [...kinds.values()].reduce((a, b) => a + b, 0);
for (const problem of problems) {
  console.log(`INVALID ${problem}`);
}
console.log(`checked ${checked} objects: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(", ")}`);
if (problems.length > 0 || checked === 0) {
  console.log(problems.length > 0 ? `${problems.length} problems` : "no object to check");
  process.exit(1);
}
