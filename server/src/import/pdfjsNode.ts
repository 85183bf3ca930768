import CSSMatrix from '@thednp/dommatrix';

/**
 * What pdf.js's legacy build needs from the browser to read text in Node.
 * In Node it fills DOMMatrix, ImageData and Path2D from the native package
 * @napi-rs/canvas, which the bundled extension and CLI do not carry (no
 * node_modules, no native binary), and then fails at load: its display layer
 * builds a DOMMatrix at the top level ("DOMMatrix is not defined"). Text
 * extraction needs DOMMatrix only (that one at load; the worker scales and
 * translates one to read Type3 bitmap glyphs); ImageData, Path2D and the
 * canvas serve rendering, which the importer never does.
 */
export function installPdfjsGlobals(): void {
  const global = globalThis as { DOMMatrix?: unknown };
  global.DOMMatrix ??= CSSMatrix;
}

/** pdf.js's load-time notes about the rendering classes it could not fill: nothing the importer uses. */
const RENDERING_ONLY_WARNING = /^Warning: Cannot (load "@napi-rs\/canvas" package|polyfill `(ImageData|Path2D)`)/u;

/**
 * Loads pdf.js with `load`, keeping its notes about the missing rendering
 * classes off stderr (a drafter importing a PDF would read them as a fault);
 * every other warning passes through.
 */
export async function withoutRenderingWarnings<T>(load: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && RENDERING_ONLY_WARNING.test(args[0])) return;
    warn.apply(console, args);
  };
  try {
    return await load();
  } finally {
    console.warn = warn;
  }
}
