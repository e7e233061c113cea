#!/usr/bin/env node
// Thin launcher so `npx ponte` works: the CLI is TypeScript run by Node 24's type stripping.
import '../src/cli/main.ts';
