// In-process throughput of opencc-js (npm), for bench/convert.sh.
//   node opencc_js.mjs MODULE_DIR FROM TO FILE   ->  "MB/s seconds"
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [dir, from, to, file] = process.argv.slice(2);
const OpenCC = (await import(pathToFileURL(dir + '/node_modules/opencc-js/dist/esm/full.js'))).default
  ?? (await import(pathToFileURL(dir + '/node_modules/opencc-js/dist/esm/full.js')));
const text = readFileSync(file, 'utf8');
const bytes = Buffer.byteLength(text);
const conv = OpenCC.Converter({ from, to });
const t0 = process.hrtime.bigint();
let n = 0;
for (const line of text.split('\n')) n += conv(line).length;
const t = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`${(bytes / t / 1e6).toFixed(2)} ${t.toFixed(3)}`);
