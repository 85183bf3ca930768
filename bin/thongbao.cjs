#!/usr/bin/env node
// The CLI is bundled into dist/ by `npm run build` (run by `npm install` through "prepare").
require('../dist/cli.cjs').main();
