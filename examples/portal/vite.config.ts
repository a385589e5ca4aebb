// Vite config of the self-assessment portal example.
//
// `dti-criteria`, `dti-criteria/charts`, `dti-criteria/sets` and `dti-criteria/xlsx` are aliased
// to the library's TypeScript sources (src/index.ts, src/charts/index.ts, ...): no build of the
// library is needed, and the portal always runs the code in this repository.
// A real portal installs the package and drops the aliases.
//
// The production build is one self-contained index.html (the script and the
// CSS inlined), so it works from any static host and also opened straight
// from disk (file://), where Chromium refuses external module scripts.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Inlines the entry chunk and the CSS into index.html and drops the separate files. */
function inlineIntoHtml(): Plugin {
  return {
    name: 'dti-portal-inline',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = Object.values(bundle).find((file) => file.type === 'asset' && file.fileName.endsWith('.html'));
      if (!html || html.type !== 'asset') return;
      let source = String(html.source);
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type === 'chunk' && file.isEntry) {
          const tag = new RegExp(`<script type="module" crossorigin src="[^"]*${escapeRegExp(file.fileName)}"></script>`);
          if (!tag.test(source)) continue;
          // `</script` inside the code would end the inline element early. Without code splitting
          // Vite leaves its preload marker of a dynamic import unfilled: there is nothing to preload.
          const code = file.code.replace(/<\/(script)/gi, '<\\/$1').replace(/\b__VITE_PRELOAD__\b/g, 'void 0');
          source = source.replace(tag, () => `<script type="module">${code}</script>`);
          delete bundle[name];
        } else if (file.type === 'asset' && file.fileName.endsWith('.css')) {
          const tag = new RegExp(`<link rel="stylesheet" crossorigin href="[^"]*${escapeRegExp(file.fileName)}">`);
          if (!tag.test(source)) continue;
          source = source.replace(tag, () => `<style>${String(file.source)}</style>`);
          delete bundle[name];
        }
      }
      html.source = source;
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export default defineConfig({
  root: here('.'),
  base: './',
  resolve: {
    alias: [
      // Exact matches, so that 'dti-criteria' does not also capture 'dti-criteria/charts'.
      { find: /^dti-criteria$/, replacement: here('../../src/index.ts') },
      { find: /^dti-criteria\/charts$/, replacement: here('../../src/charts/index.ts') },
      { find: /^dti-criteria\/sets$/, replacement: here('../../src/sets/index.ts') },
      { find: /^dti-criteria\/xlsx$/, replacement: here('../../src/xlsx/index.ts') },
    ],
  },
  plugins: [inlineIntoHtml()],
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    modulePreload: { polyfill: false },
    // The workbook writer (exceljs, about 1 MB) is imported when a workbook is asked for: inlined
    // all the same, so that the page stays one file that also works from disk.
    rolldownOptions: { output: { codeSplitting: false } },
    chunkSizeWarningLimit: 4096,
  },
});
