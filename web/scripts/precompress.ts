// Brotli and gzip copies of the built assets, written once at build time so the server only
// picks a file by Accept-Encoding and never compresses on a request (node's zlib: no package).
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

const COMPRESSIBLE = /\.(js|css|svg|json|html|txt|map)$/;
// Below this a compressed copy saves less than the extra header costs.
const MIN_BYTES = 1024;

export function precompress(outDir: string): Plugin {
  return {
    name: "maestro-precompress",
    apply: "build",
    closeBundle() {
      const assets = join(outDir, "assets");
      for (const name of readdirSync(assets)) {
        const path = join(assets, name);
        if (!COMPRESSIBLE.test(name) || statSync(path).size < MIN_BYTES) continue;
        const body = readFileSync(path);
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}
