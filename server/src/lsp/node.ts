import { main } from './main.js';

// The bundle VS Code (and any editor) runs: dist/server.cjs starts the server when loaded.
main();
