#!/usr/bin/env node
// The language server for any LSP client: thongbao-language-server --stdio
require('../dist/server.cjs');
