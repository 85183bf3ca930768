// Runs the packaged extension in a real VS Code: code-server (installed into
// .tools/ by test/e2e/setup.sh) on 127.0.0.1, driven through Debian's Chromium
// by playwright-core. Every wait is on visible UI state, with a deadline.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import fs from 'node:fs/promises';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';

const execFileAsync = promisify(execFile);

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const outputDir = path.join(root, 'test-output/e2e');
const toolsDir = path.join(root, '.tools');
const node24 = path.join(toolsDir, 'node24/node_modules/node/bin/node');
const codeServerEntry = path.join(toolsDir, 'code-server/node_modules/code-server/out/node/entry.js');
const chromiumPath = '/usr/bin/chromium';
const vsixPath = path.join(root, 'thongbao.vsix');
/**
 * Outside the clone, as on a drafter's machine: installed inside it, the extension would find the
 * clone's node_modules (packages the .vsix does not carry, such as pdf.js's optional @napi-rs/canvas)
 * and pass where the installed one fails. One folder per clone, so two clones can run the suite at once.
 */
const extensionsDir = path.join(os.tmpdir(), `thongbao-e2e-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`, 'extensions');

/** Flags for Chromium on a machine whose network is closed (see .library/env/machines/node.md). */
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** User settings that keep VS Code's first-run noise off the screen; nothing the extension itself sets. */
const quietUserSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
};

export interface ProblemRow {
  message: string;
  rule: string;
  line: number;
  column: number;
}

/** A Problems row shows "<message> thongbao(<rule>) [Ln 11, Col 58]"; the parentheses are CSS, not text. */
function parseProblemRow(text: string): ProblemRow {
  const match = /^(.*)thongbao\(?([a-z]+\/[a-z-]+)\)?\s*\[Ln (\d+), Col (\d+)\]\s*$/s.exec(text);
  if (!match) throw new Error(`unexpected Problems row: ${text}`);
  return { message: match[1]!.trim(), rule: match[2]!, line: Number(match[3]), column: Number(match[4]) };
}

export class E2eSetupError extends Error {}

function requireTools(): void {
  const missing = [node24, codeServerEntry, chromiumPath].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new E2eSetupError(`e2e environment is not set up (missing ${missing.join(', ')}); run test/e2e/setup.sh first (npm run test:e2e does)`);
  }
  if (!existsSync(vsixPath)) throw new E2eSetupError(`${vsixPath} is missing; run npm run package first (npm run test:e2e does)`);
}

let installed: Promise<void> | undefined;

/**
 * Once per run: clears the previous run's screenshots and folders, then installs
 * the .vsix into a fresh extensions folder shared by every scenario.
 */
/**
 * The limit of a wait for something VS Code or the language server does (a
 * widget appearing, diagnostics published): every wait keys on that event
 * and returns as soon as it happens, so the limit only decides when to give
 * up. It is generous for a CI machine running other CPU-bound jobs, where a
 * completion widget took 29 s to appear.
 */
export const EVENT_TIMEOUT = 90_000;

export function installExtension(): Promise<void> {
  installed ??= (async () => {
    requireTools();
    mkdirSync(outputDir, { recursive: true });
    for (const name of readdirSync(outputDir)) {
      if (name.endsWith('.png') || name === 'runs') await fs.rm(path.join(outputDir, name), { recursive: true, force: true });
    }
    await fs.rm(extensionsDir, { recursive: true, force: true });
    mkdirSync(extensionsDir, { recursive: true });
    const isolated = await isolatedDirs('install');
    const { stdout } = await execFileAsync(
      node24,
      [codeServerEntry, '--config', isolated.config, '--user-data-dir', isolated.userData, '--extensions-dir', extensionsDir, '--install-extension', vsixPath],
      { env: isolated.env, timeout: 2 * EVENT_TIMEOUT },
    );
    if (!/successfully installed/.test(stdout)) throw new E2eSetupError(`code-server did not install ${vsixPath}:\n${stdout}`);
  })();
  return installed;
}

/**
 * A file of the extension as installed from the .vsix. The scenarios run the CLI
 * bundled there, so VS Code and the CLI compared with it come from one build.
 */
export async function installedExtensionFile(relative: string): Promise<string> {
  await installExtension();
  const folder = readdirSync(extensionsDir).find((name) => name.startsWith('vpcp.thongbao-'));
  if (!folder) throw new E2eSetupError(`the extension is not installed in ${extensionsDir}`);
  return path.join(extensionsDir, folder, relative);
}

/** Folders of one code-server instance, so it never writes to the user's home. */
async function isolatedDirs(name: string) {
  const base = path.join(outputDir, 'runs', name);
  await fs.rm(base, { recursive: true, force: true });
  const dirs = {
    base,
    userData: path.join(base, 'user-data'),
    config: path.join(base, 'config.yaml'),
    browserProfile: path.join(base, 'chromium-profile'),
  };
  for (const dir of [dirs.userData, dirs.browserProfile, path.join(base, 'xdg-config'), path.join(base, 'xdg-data')]) mkdirSync(dir, { recursive: true });
  await fs.writeFile(dirs.config, 'auth: none\n');
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(base, 'xdg-config'), XDG_DATA_HOME: path.join(base, 'xdg-data') };
  return { ...dirs, env };
}

export interface WorkspaceFile {
  /** Path inside the workspace folder. */
  name: string;
  text: string;
}

export interface LaunchOptions {
  /** Names the scenario: its folders under test-output/e2e/runs and its screenshots. */
  scenario: string;
  files: WorkspaceFile[];
  /** Files copied byte for byte into the workspace folder (Word and PDF documents): name there → source path. */
  copies?: Record<string, string>;
  /** Written to .vscode/settings.json of the workspace folder. */
  workspaceSettings?: Record<string, unknown>;
  /** false: workspace trust is on and the folder is not trusted (Restricted Mode). */
  trusted?: boolean;
}

const running = new Set<ChildProcess>();

/** Kills a process group started by launch(); also the language server and extension host below it. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

// A failing run or an interrupt must not leave a server behind.
process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of running) killGroup(child, 'SIGKILL');
    process.exit(130);
  });
}

export class VsCode {
  private constructor(
    readonly scenario: string,
    readonly workspace: string,
    readonly page: Page,
    private readonly context: BrowserContext,
    private readonly server: ChildProcess,
  ) {}

  static async launch(options: LaunchOptions): Promise<VsCode> {
    await installExtension();
    const dirs = await isolatedDirs(options.scenario);
    const workspace = path.join(dirs.base, 'workspace');
    for (const file of options.files) {
      await fs.mkdir(path.dirname(path.join(workspace, file.name)), { recursive: true });
      await fs.writeFile(path.join(workspace, file.name), file.text);
    }
    await fs.mkdir(workspace, { recursive: true });
    for (const [name, source] of Object.entries(options.copies ?? {})) await fs.copyFile(source, path.join(workspace, name));
    if (options.workspaceSettings) {
      await fs.mkdir(path.join(workspace, '.vscode'), { recursive: true });
      await fs.writeFile(path.join(workspace, '.vscode/settings.json'), JSON.stringify(options.workspaceSettings, null, 2));
    }
    const trusted = options.trusted ?? true;
    await fs.mkdir(path.join(dirs.userData, 'User'), { recursive: true });
    await fs.writeFile(
      path.join(dirs.userData, 'User/settings.json'),
      JSON.stringify({ ...quietUserSettings, 'security.workspace.trust.enabled': !trusted }, null, 2),
    );

    const serverLog: string[] = [];
    const server = spawn(
      node24,
      [
        codeServerEntry,
        '--config', dirs.config,
        '--auth', 'none',
        '--bind-addr', '127.0.0.1:0',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-getting-started-override',
        '--user-data-dir', dirs.userData,
        '--extensions-dir', extensionsDir,
        workspace,
      ],
      { env: dirs.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    running.add(server);
    let context: BrowserContext | undefined;
    try {
      const url = await serverUrl(server, serverLog);
      context = await chromium.launchPersistentContext(dirs.browserProfile, {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumFlags,
        viewport: { width: 1600, height: 1000 },
        locale: 'en-US',
      });
      const page = context.pages()[0] ?? (await context.newPage());
      // Waits without a limit of their own (locator.waitFor()) get the loaded-machine one, not Playwright's 30 s.
      page.setDefaultTimeout(EVENT_TIMEOUT);
      await page.goto(`${url}?folder=${encodeURIComponent(workspace)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: EVENT_TIMEOUT });
      const vscode = new VsCode(options.scenario, workspace, page, context, server);
      if (!trusted) await vscode.declineWorkspaceTrust();
      await page.locator('.part.statusbar').waitFor({ timeout: EVENT_TIMEOUT });
      return vscode;
    } catch (error) {
      await context?.pages()[0]?.screenshot({ path: path.join(outputDir, `${options.scenario}-failed-launch.png`) }).catch(() => undefined);
      await context?.close().catch(() => undefined);
      await stopServer(server);
      throw new Error(`could not start VS Code for "${options.scenario}": ${(error as Error).message}\ncode-server output:\n${serverLog.join('')}`);
    }
  }

  /** Leaves the folder untrusted: answers "No" if VS Code asks (code-server may not), then waits for Restricted Mode. */
  private async declineWorkspaceTrust(): Promise<void> {
    const dialog = this.page.locator('.monaco-dialog-box');
    const restricted = this.page.locator('.part.statusbar', { hasText: 'Restricted Mode' });
    await dialog.or(restricted).first().waitFor({ timeout: EVENT_TIMEOUT });
    if (await dialog.isVisible()) {
      await dialog.getByRole('button', { name: /No, I don.t trust/ }).click();
      await dialog.waitFor({ state: 'detached', timeout: EVENT_TIMEOUT });
    }
    await restricted.waitFor({ timeout: EVENT_TIMEOUT });
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await stopServer(this.server);
  }

  async screenshot(step: string): Promise<string> {
    const file = path.join(outputDir, `${this.scenario}-${step}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Opens a workspace file by name through Quick Open and waits for its editor tab. */
  async openFile(name: string): Promise<Locator> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(path.basename(name));
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(name) }).first().waitFor();
    await input.press('Enter');
    await this.activeTab(path.basename(name)).waitFor();
    const editor = this.activeEditor();
    await editor.locator('.view-lines').waitFor();
    return editor;
  }

  /** Runs a command from the Command Palette (F1) by its title as the palette lists it ("Category: Title"). */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await input.press('Enter');
    // The palette is gone once the widget is hidden, or once it holds something other than a command
    // query: a command may open its own quick input at once (an open dialog), which is the same widget.
    await this.page.waitForFunction(
      `(() => {
        const widget = document.querySelector('.quick-input-widget');
        if (!widget || widget.getClientRects().length === 0 || getComputedStyle(widget).display === 'none') return true;
        return !(widget.querySelector('input')?.value ?? '').startsWith('>');
      })()`,
      undefined,
      { timeout: EVENT_TIMEOUT },
    );
  }

  /**
   * The page of the webview shown: VS Code lays a webview over the workbench in an iframe (.webview)
   * whose own page holds the extension's page in a second iframe (#active-frame).
   */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready:visible').first().frameLocator('iframe#active-frame');
  }

  activeTab(label: string): Locator {
    return this.page.locator('.tabs-container .tab.active', { hasText: label });
  }

  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** The language mode shown in the status bar. */
  languageMode(): Locator {
    return this.page.locator('[id="status.editor.mode"]');
  }

  /** Shows the Problems panel (Ctrl+Shift+M toggles it, so only when hidden). */
  async showProblems(): Promise<Locator> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor();
    return panel;
  }

  /** Waits until the Problems panel reports exactly `count` problems for the file. */
  async waitForProblemCount(fileName: string, count: number, timeout = EVENT_TIMEOUT): Promise<void> {
    const panel = await this.showProblems();
    // The panel's label says "problems" whatever the count ("1 problems in file a.tb.md of folder .").
    const label = count === 0 ? null : `${count} problems in file ${fileName} `;
    try {
      if (label === null) {
        await panel.locator(`.monaco-list-row[aria-level="1"][aria-label*="in file ${fileName} "]`).waitFor({ state: 'detached', timeout });
      } else {
        await panel.locator(`.monaco-list-row[aria-level="1"][aria-label^="${label}"]`).waitFor({ timeout });
      }
    } catch {
      const shown = await panel.locator('.monaco-list-row[aria-level="1"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')));
      throw new Error(`expected ${count} problems in ${fileName}; the Problems panel shows: ${JSON.stringify(shown)}`);
    }
  }

  /** Every problem row of the Problems panel, parsed; pages through its virtual list with the keyboard. */
  async problems(): Promise<ProblemRow[]> {
    const panel = await this.showProblems();
    const list = panel.locator('.monaco-list').first();
    // Sticky header rows repeat the file row outside .monaco-list-rows; only the real rows count.
    const rows = list.locator('.monaco-list-rows > .monaco-list-row');
    const byIndex = new Map<number, { level: number; text: string }>();
    await list.focus();
    await this.page.keyboard.press('Home');
    await rows.and(this.page.locator('.focused[data-index="0"]')).waitFor();
    for (let page = 0; page < 200; page++) {
      const rendered = await rows.evaluateAll((elements) =>
        elements.map((row) => ({
          index: Number(row.getAttribute('data-index')),
          level: Number(row.getAttribute('aria-level')),
          last: row.getAttribute('data-last-element') === 'true',
          focused: row.classList.contains('focused'),
          text: (row.textContent ?? '').replace(/\u00a0/g, ' '),
        })),
      );
      for (const row of rendered) byIndex.set(row.index, row);
      if (rendered.some((row) => row.last)) break;
      const focused = rendered.find((row) => row.focused)?.index ?? -1;
      await this.page.keyboard.press('PageDown');
      await rows.and(this.page.locator(`.focused:not([data-index="${focused}"])`)).waitFor();
    }
    return [...byIndex.entries()]
      .sort(([a], [b]) => a - b)
      .filter(([, row]) => row.level === 2)
      .map(([, row]) => parseProblemRow(row.text));
  }

  /** The text the active editor shows (the rendered lines, joined; wrapped lines rejoin exactly). */
  async visibleText(): Promise<string> {
    return this.activeEditor()
      .locator('.view-lines .view-line')
      .evaluateAll((lines) =>
        lines
          .map((line) => ({ top: parseFloat(/top:\s*([\d.]+)px/.exec(line.getAttribute('style') ?? '')?.[1] ?? '0'), text: line.textContent ?? '' }))
          .sort((a, b) => a.top - b.top)
          .map((line) => line.text.replace(/\u00a0/g, ' '))
          .join(''),
      );
  }

  /** The active editor's text once it shows `fragment` (an editor just opened renders its lines a moment after its tab shows). */
  async visibleTextShowing(fragment: string, timeout = EVENT_TIMEOUT): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const shown = await this.visibleText();
      if (shown.includes(fragment) || Date.now() > deadline) return shown;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Opens the quick-fix menu at the cursor (Ctrl+.) and chooses the action whose title contains `title`. */
  async applyQuickFix(title: string, screenshotStep?: string): Promise<void> {
    await this.page.keyboard.press('Control+.');
    const action = this.page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    try {
      await action.waitFor({ timeout: EVENT_TIMEOUT });
    } catch {
      const offered = await this.page.locator('.action-widget .monaco-list-row').allTextContents();
      throw new Error(`no quick fix "${title}" offered at the cursor; offered: ${JSON.stringify(offered)}`);
    }
    if (screenshotStep) await this.screenshot(screenshotStep);
    await action.click();
    await this.page.locator('.action-widget .monaco-list-row').first().waitFor({ state: 'hidden' });
  }

  /** The suggest widget's row whose label contains `label`, once it shows. */
  suggestion(label: string): Locator {
    return this.page.locator('.editor-widget.suggest-widget .monaco-list-row', { hasText: label }).first();
  }

  /** The hover widget's text after "Show Hover" at the cursor. */
  async hoverAtCursor(): Promise<Locator> {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.page.locator('.monaco-hover:not(.hidden) .hover-contents').first();
    await hover.waitFor();
    return hover;
  }

  /** Moves the cursor to line:column (1-based, as the status bar shows them) with Go to Line (Ctrl+G). */
  async goTo(line: number, column: number): Promise<void> {
    // Go to Line acts on the active editor wherever the focus is, and focuses it.
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await input.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
  }

  /** Moves the cursor into the first occurrence of `needle` in `text` (the editor's current text), `offset` characters in. */
  async goToText(text: string, needle: string, offset = 0): Promise<void> {
    const index = text.indexOf(needle);
    if (index < 0) throw new Error(`“${needle}” is not in the text`);
    const before = text.slice(0, index + offset).split('\n');
    await this.goTo(before.length, before.at(-1)!.length + 1);
  }

}

async function serverUrl(server: ChildProcess, log: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not report its address within ${EVENT_TIMEOUT / 1000} s`)), EVENT_TIMEOUT);
    const onData = (chunk: Buffer) => {
      log.push(chunk.toString());
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log.join(''));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited early (code ${code}, signal ${signal})`));
    });
  });
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode === null && server.signalCode === null) {
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    killGroup(server, 'SIGTERM');
    const timer = setTimeout(() => killGroup(server, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  // The extension host and the language server share the group; make sure none outlives the test.
  killGroup(server, 'SIGKILL');
  running.delete(server);
}

/**
 * Registers mocha hooks that start VS Code before the scenario's tests, keep a
 * screenshot of any failing test and always stop code-server afterwards.
 */
export function withVsCode(options: LaunchOptions): () => VsCode {
  let vscode: VsCode | undefined;
  before(async function () {
    // The first scenario also installs the extension; each step has its own limit (EVENT_TIMEOUT or two).
    this.timeout(5 * EVENT_TIMEOUT);
    vscode = await VsCode.launch(options);
  });
  afterEach(async function () {
    const test = this.currentTest;
    if (vscode && test?.state === 'failed') {
      await vscode.screenshot(`failed-${test.title.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}`).catch(() => undefined);
    }
  });
  after(async function () {
    this.timeout(30_000);
    await vscode?.close();
  });
  return () => {
    if (!vscode) throw new Error(`VS Code did not start for "${options.scenario}"`);
    return vscode;
  };
}
