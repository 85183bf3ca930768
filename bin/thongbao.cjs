#!/usr/bin/env -S node --single-threaded-gc --max-semi-space-size=2 --max-old-space-size=1536
// V8's collector stays on the thread it serves: with its helper threads, two workers on two cores were
// slower than one thread; without them, one worker per core (docs/performance.md, "Archives").
// The small young generation and the cap keep the main thread, which holds an archive's index (2.2 KB a notice), near what it
// uses: V8 lets a heap grow by a factor it derives from the cap before marking it (1.8 here, as for the workers; 4 uncapped).
// The CLI is bundled into dist/ by `npm install` (the "prepare" script runs `npm run build`).
require('../dist/cli.cjs').main();
