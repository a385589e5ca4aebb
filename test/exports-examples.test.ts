// Every exported function, class and constant of every entry point has a TSDoc @example
// (test/doc-examples.test.ts runs them all and checks what they print): the API pages of the
// documentation site never show an export without one.
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');
const ENTRIES = ['src/index.ts', 'src/csv/index.ts', 'src/node/index.ts', 'src/sets/index.ts', 'src/charts/index.ts', 'src/report/index.ts', 'src/xlsx/index.ts', 'src/analysis/index.ts'];

/** `entry: kind name` of each export that is a function, a class or a constant, and whether its TSDoc has an @example. */
function exportsOf(): { readonly name: string; readonly example: boolean }[] {
  const program = ts.createProgram(ENTRIES.map((entry) => resolve(root, entry)), { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  return ENTRIES.flatMap((entry) => {
    const module = checker.getSymbolAtLocation(program.getSourceFile(resolve(root, entry))!)!;
    return checker.getExportsOfModule(module).flatMap((exported) => {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.declarations?.[0];
      if (declaration === undefined) return [];
      const kind = ts.isFunctionDeclaration(declaration) ? 'function' : ts.isClassDeclaration(declaration) ? 'class' : ts.isVariableDeclaration(declaration) ? 'const' : undefined;
      if (kind === undefined) return [];
      return [{ name: `${entry}: ${kind} ${exported.name}`, example: symbol.getJsDocTags(checker).some((tag) => tag.name === 'example') }];
    });
  });
}

describe('the API of every entry point', () => {
  it('has a runnable @example on every exported function, class and constant', () => {
    const all = exportsOf();
    expect(all.length).toBeGreaterThan(150);
    expect(all.filter((entry) => !entry.example).map((entry) => entry.name)).toEqual([]);
  }, 120_000);
});
