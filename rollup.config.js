// Rollup build for Apps Script: one classic script, dist/Code.js. Internals live inside an IIFE namespace (`AddOn`),
// and for every export of src/main.ts a real top-level `function name(...args)` delegates to it, so menus, card
// actions, manifest triggers and installable triggers find each entry point by name. The build fails on a type error,
// on a manifest function name that src/main.ts does not export, and on a default or non-identifier export.
const { readFileSync } = require('node:fs');
const typescript = require('@rollup/plugin-typescript');

const MANIFEST = 'appsscript.json';
const NAMESPACE = 'AddOn';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Every function name appsscript.json tells Apps Script to call (runFunction, onTriggerFunction, ...). */
function manifestFunctionNames(json) {
  const names = [];
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (/Function$/.test(key) && typeof value === 'string') names.push(value);
        else walk(value);
      }
    }
  };
  walk(json);
  return names;
}

function appsScriptEntryPoints() {
  let source;
  return {
    name: 'apps-script-entry-points',
    buildStart() {
      this.addWatchFile(MANIFEST);
      source = readFileSync(MANIFEST, 'utf8');
    },
    renderChunk(code, chunk, options) {
      if (options.format !== 'iife' || options.name !== NAMESPACE)
        this.error(`needs output.format "iife" and output.name "${NAMESPACE}"`);
      const bad = chunk.exports.filter((n) => n === 'default' || !IDENTIFIER.test(n) || n === NAMESPACE);
      if (bad.length) this.error(`src/main.ts must only have named function exports; bad: ${bad.join(', ')}`);
      const missing = manifestFunctionNames(JSON.parse(source)).filter((n) => !chunk.exports.includes(n));
      if (missing.length) this.error(`${MANIFEST} names functions src/main.ts does not export: ${missing.join(', ')}`);
      const stubs = chunk.exports.map((n) => `function ${n}(...args) { return ${NAMESPACE}.${n}(...args); }`);
      const guard =
        `(function () { for (var k in ${NAMESPACE}) { if (typeof ${NAMESPACE}[k] !== 'function') ` +
        `throw new Error('src/main.ts export ' + k + ' is not a function'); } })();`;
      return { code: `${code}\n${guard}\n${stubs.join('\n')}\n`, map: null };
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'appsscript.json', source });
    },
  };
}

module.exports = {
  input: 'src/main.ts',
  output: { dir: 'dist', entryFileNames: 'Code.js', format: 'iife', name: NAMESPACE, strict: true },
  plugins: [
    typescript({ tsconfig: './tsconfig.json', noEmitOnError: true, noEmit: false, outDir: 'dist' }),
    appsScriptEntryPoints(),
  ],
};
