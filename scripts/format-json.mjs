#!/usr/bin/env node
// Formats template JSON the way the shipped files are written: one property per line, short arrays and
// objects of scalars on one line, so a bureau's reviewer can read and diff a template. Usage:
//   node scripts/format-json.mjs FILE…   (rewrites each file in place)
import { readFileSync, writeFileSync } from 'node:fs';

const WIDTH = 150;

function inline(v) {
  return JSON.stringify(v).replace(/,(?=["{[\d-tfn])/g, ', ').replace(/":/g, '": ').replace(/^\{/, '{ ').replace(/\}$/, ' }').replace(/\{ \}/, '{}');
}

function simple(v) {
  if (v === null || typeof v !== 'object') return true;
  return Object.values(v).every((x) => x === null || typeof x !== 'object' || (Array.isArray(x) && x.every((y) => y === null || typeof y !== 'object')));
}

function format(v, indent) {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const pad = ' '.repeat(indent + 2);
  if (simple(v)) {
    const one = inline(v);
    if (one.length + indent <= WIDTH) return one;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => pad + format(x, indent + 2)).join(',\n')}\n${' '.repeat(indent)}]`;
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${pad}${JSON.stringify(k)}: ${format(v[k], indent + 2)}`).join(',\n')}\n${' '.repeat(indent)}}`;
}

for (const file of process.argv.slice(2)) writeFileSync(file, `${format(JSON.parse(readFileSync(file, 'utf8')), 0)}\n`);
