import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What `npm pack` makes of this package, and whether what it makes installs and type-checks for a
// consumer. Offline: npm pack reads only this folder. dist/ is built first when missing or older than
// a source file.
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  main: string;
  types: string;
  exports: Record<string, unknown>;
};

/** `npm pack --json` reports one entry per package. */
type PackReport = { filename: string; files: { path: string }[] }[];

function npm(args: string[], cwd = packageDir): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function distIsStale(): boolean {
  const built = join(packageDir, 'dist', 'index.js');
  if (!existsSync(built)) return true;
  const sources = readdirSync(join(packageDir, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const builtAt = statSync(built).mtimeMs;
  return sources.some((f) => statSync(join(packageDir, 'src', f)).mtimeMs > builtAt);
}

/** Every file path an `exports` entry points at, in all its conditions. */
function targets(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry];
  if (entry && typeof entry === 'object') return Object.values(entry).flatMap(targets);
  return [];
}

/** Packs the package into `dir` and unpacks it as `npm install <tarball>` would, in dir/node_modules. */
function installTarball(dir: string): void {
  const [report] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir])) as PackReport;
  const installed = join(dir, 'node_modules', '@yujian', 'realtime');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, report!.filename), '-C', installed, '--strip-components=1']);
  // The one dependency, from this workspace's install rather than the registry (offline).
  const stomp = [join(packageDir, 'node_modules'), join(packageDir, '..', '..', 'node_modules')]
    .map((modules) => join(modules, '@stomp', 'stompjs'))
    .find((candidate) => existsSync(candidate));
  mkdirSync(join(dir, 'node_modules', '@stomp'), { recursive: true });
  symlinkSync(stomp!, join(dir, 'node_modules', '@stomp', 'stompjs'), 'junction');
}

/** A strict ES-module project using the package: a typed channel, and the README's first example. */
function writeConsumer(dir: string): void {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(join(dir, 'consumer.ts'), [
    "import { RealtimeClient, State, defineChannel } from '@yujian/realtime';",
    'interface FreezerReading { instrumentId: string; temperatureC: number; timestamp: string }',
    "const freezer = defineChannel<FreezerReading>('instruments.freezer-1');",
    "const client = new RealtimeClient({ url: 'wss://lab.example/ws', getToken: () => 'jwt' });",
    'client.subscribe(freezer, { onData: (r) => console.log(r.temperatureC.toFixed(1)) });',
    "client.on('state', (s) => { if (s.state === State.GaveUp) console.log(s.reason); });",
    '// @ts-expect-error: payloads are typed, never any',
    'client.subscribe(freezer, { onData: (r) => r.humidity });',
  ].join('\n'));
  const example = /```ts\n([\s\S]*?)```/.exec(readFileSync(join(packageDir, 'README.md'), 'utf8'))?.[1];
  writeFileSync(join(dir, 'readme.ts'), `declare const token: string;\n${example ?? 'README has no example'}`);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', lib: ['ES2022', 'DOM'], module: 'NodeNext', moduleResolution: 'NodeNext',
      strict: true, noEmit: true, types: [], skipDefaultLibCheck: true,
    },
    files: ['consumer.ts', 'readme.ts'],
  }));
}

let packed: string[] = [];
let work = '';

beforeAll(() => {
  if (distIsStale()) npm(['run', 'build']);
  const [report] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'])) as PackReport;
  packed = (report?.files ?? []).map((f) => f.path);
  work = mkdtempSync(join(tmpdir(), 'yujian-realtime-pack-'));
}, 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack of @yujian/realtime', () => {
  it('holds the ES modules with their types, the README and package.json, and no sources or tests', () => {
    expect(packed).toEqual(expect.arrayContaining([
      'package.json', 'README.md',
      'dist/index.js', 'dist/index.d.ts', 'dist/testing/index.js', 'dist/testing/index.d.ts',
    ]));
    expect(packed.filter((p) => p.startsWith('src/') || p.includes('.test.'))).toEqual([]);
  });

  it('holds every file that main, types and exports point at', () => {
    const pointed = [manifest.main, manifest.types, ...targets(manifest.exports)].map((p) => p.replace(/^\.\//, ''));
    expect(pointed.filter((p) => !packed.includes(p))).toEqual([]);
  });

  it('installs from the tarball: Node imports it and a strict consumer type-checks against it', () => {
    installTarball(work);
    const script = "const m = await import('@yujian/realtime'); console.log(Object.keys(m).join(' '))";
    const exported = execFileSync('node', ['--input-type=module', '-e', script], { cwd: work, encoding: 'utf8' });
    expect(exported.trim().split(' ')).toEqual(
      expect.arrayContaining(['RealtimeClient', 'State', 'defineChannel', 'SEED_CHANNELS']),
    );

    writeConsumer(work);
    const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript')), '..', 'bin', 'tsc');
    const check = spawnSync('node', [tsc, '-p', work], { encoding: 'utf8' });
    expect({ status: check.status, output: check.stdout + check.stderr }).toEqual({ status: 0, output: '' });
  }, 60_000);
});
