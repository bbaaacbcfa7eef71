import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { precompress } from "./scripts/precompress";

// The build lands inside the Python package, which serves it at `/`.
const outDir = fileURLToPath(new URL("../src/eventmaestro/webui/dist", import.meta.url));

export default defineConfig({
  plugins: [react(), precompress(outDir)],
  build: { outDir, emptyOutDir: true },
  server: { proxy: { "/api": "http://127.0.0.1:8000" } },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    css: false,
  },
});
