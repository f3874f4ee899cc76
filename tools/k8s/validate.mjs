// Validates every Kubernetes manifest in the given folder (default: ../../k8s) against the API schemas that
// the pinned kubernetes-models package carries, offline. Prints one line per document, and exits 1 when any
// document is invalid, names a kind the package does not know, or has a field the schema does not define.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = path.dirname(fileURLToPath(import.meta.url));
const folder = path.resolve(process.argv[2] ?? path.join(here, "..", "..", "k8s"));
const files = (await readdir(folder)).filter((f) => f.endsWith(".yaml") || f.endsWith(".yml")).sort();

let failures = 0;
let checked = 0;
for (const file of files) {
  const documents = parseAllDocuments(await readFile(path.join(folder, file), "utf8"));
  for (const [index, document] of documents.entries()) {
    const where = `${file}#${index + 1}`;
    if (document.errors.length > 0) {
      failures++;
      console.log(`FAIL ${where}: not YAML: ${document.errors.map((e) => e.message).join("; ")}`);
      continue;
    }

    const manifest = document.toJS();
    if (manifest === null) {
      continue;
    }

    // A template's placeholders ("<…>") stand for values of the right type; a Secret's binary data is base64.
    if (file.endsWith(".example.yaml") && manifest.data) {
      for (const [key, value] of Object.entries(manifest.data)) {
        if (/^<.*>$/.test(value)) {
          manifest.data[key] = Buffer.from("placeholder").toString("base64");
        }
      }
    }

    const { apiVersion, kind } = manifest;
    let model;
    try {
      model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
    } catch {
      failures++;
      console.log(`FAIL ${where}: no schema for ${apiVersion} ${kind}`);
      continue;
    }

    try {
      new model(manifest).validate();
      checked++;
      console.log(`ok   ${where}: ${apiVersion} ${kind} ${manifest.metadata?.name ?? ""}`);
    } catch (error) {
      failures++;
      console.log(`FAIL ${where}: ${apiVersion} ${kind} ${manifest.metadata?.name ?? ""}: ${error.message}`);
    }
  }
}

console.log(`${checked} valid, ${failures} invalid`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
