#!/usr/bin/env node
// npm links the bins of dependencies into node_modules/.bin but not the project's own; link `jixiao` too,
// so `npx jixiao`, npm scripts and editors find the CLI right after `npm ci`.
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';

mkdirSync('node_modules/.bin', { recursive: true });
rmSync('node_modules/.bin/jixiao', { force: true });
symlinkSync('../../bin/jixiao.mjs', 'node_modules/.bin/jixiao');
