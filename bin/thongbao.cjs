#!/usr/bin/env -S node --single-threaded-gc --max-semi-space-size=2
// V8's collector stays on the thread it serves: with its helper threads, two workers on two cores were
// slower than one thread; without them, one worker per core (docs/performance.md, "Archives").
// The small young generation keeps the main thread, which holds the index of an archive, near what it uses.
// The CLI is bundled into dist/ by `npm install` (the "prepare" script runs `npm run build`).
require('../dist/cli.cjs').main();
