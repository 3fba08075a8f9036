import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('package manifest', () => {
  it('declares every package the library imports as a dependency or peer', () => {
    const declared = new Set([
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.peerDependencies ?? {}),
    ]);
    const imported = new Set<string>();
    for (const file of sourceFiles(join(root, 'src'))) {
      // Code only: comments (JSDoc examples) may mention other packages.
      const source = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const [, specifier] of source.matchAll(
        /(?:^\s*(?:import|export)\b[^;]*?from\s+|^\s*import\s+|require\(|import\()'([^'.][^']*)'/gm,
      )) {
        if (specifier.startsWith('node:') || builtinModules.includes(specifier))
          continue;
        imported.add(packageName(specifier));
      }
    }
    expect([...imported].filter((name) => !declared.has(name))).toEqual([]);
  });

  it('exports types and default for every entry, and nothing from src', () => {
    for (const [entry, target] of Object.entries<
      Record<string, string> | string
    >(pkg.exports)) {
      if (entry === './package.json') continue;
      expect(target).toEqual({
        types: expect.stringMatching(/^\.\/dist\/.*\.d\.ts$/),
        default: expect.stringMatching(/^\.\/dist\/.*\.js$/),
      });
    }
    expect(pkg.main).toBe('./dist/index.js');
    expect(pkg.types).toBe('./dist/index.d.ts');
    expect(pkg.files).toEqual(['dist']);
  });

  it('supports NestJS 11 and 12 on Node >= 20', () => {
    expect(pkg.peerDependencies['@nestjs/common']).toBe('^11.0.0 || ^12.0.0');
    expect(pkg.peerDependencies['@nestjs/core']).toBe('^11.0.0 || ^12.0.0');
    expect(pkg.engines.node).toBe('>=20');
    for (const optional of ['class-validator', 'class-transformer']) {
      expect(pkg.peerDependenciesMeta[optional]).toEqual({ optional: true });
    }
  });

  it('builds before every pack and publish, so a clean checkout never ships an empty package', () => {
    // `prepack` runs for `npm pack`, `npm publish` and installs from git.
    expect(pkg.scripts.prepack).toBe('npm run build');
    expect(pkg.scripts.build).toContain('tsc -p tsconfig.build.json');
  });
});
