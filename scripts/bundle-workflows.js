#!/usr/bin/env node
// Bundles workflows/ once (webpack, via the Temporal SDK) so workers start without bundling.
// Usage: node scripts/bundle-workflows.js [outFile]   (default dist/workflow-bundle.js)
const { bundleWorkflowCode } = require('@temporalio/worker');
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname, resolve } = require('node:path');

async function bundle(outFile = resolve(__dirname, '..', 'dist', 'workflow-bundle.js')) {
  const { code } = await bundleWorkflowCode({
    workflowsPath: resolve(__dirname, '..', 'workflows', 'src', 'index.ts'),
    logger: { trace() {}, debug() {}, info() {}, log() {}, warn: console.warn, error: console.error },
  });
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, code);
  return outFile;
}

module.exports = { bundle };

if (require.main === module) {
  bundle(process.argv[2] && resolve(process.argv[2]))
    .then((f) => process.stderr.write(`workflow bundle written: ${f}\n`))
    .catch((err) => {
      process.stderr.write(`workflow bundling failed: ${err.stack || err}\n`);
      process.exit(1);
    });
}
