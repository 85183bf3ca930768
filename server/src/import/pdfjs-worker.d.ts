// pdfjs-dist ships no types for its worker module; only its presence on globalThis matters here.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
