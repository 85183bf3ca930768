/**
 * pdf.js's two modules, bundled on their own as dist/pdfjs.cjs
 * (scripts/build.mjs): they are 3.7 MB of code, more than half of the CLI's
 * worker, and V8 keeps a script's whole source in each thread that loads it,
 * so only a thread that reads a PDF loads them.
 */
export * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
export * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
