// The seed report (a real 2021 report of 湖南城陵矶新港区党群工作部, Word flattened to text) for tests.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../src/core/model/report';
import { type ImportResult, importText } from '../../src/io/import/index';

// Path arithmetic on strings: under a browser-like test environment (jsdom) the global URL is not Node's.
export const SEED_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'seed-report-2021-dangqun.txt');
export const seedText = readFileSync(SEED_PATH, 'utf8');

export function importSeed(): ImportResult {
  return importText(seedText);
}

/** A fresh, independent copy of the imported seed report, to mutate in a test. */
export function seedReport(): Report {
  return structuredClone(importSeed().report);
}

/** A 项目支出绩效自评表 in the central 10号 layout (a 2021 rural-road maintenance project, tab-flattened). */
export const PROJECT_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'project-2021-pingjiang-road.txt');
export const projectText = readFileSync(PROJECT_PATH, 'utf8');

/** A fresh copy of the imported project table. */
export function projectReport(): Report {
  return structuredClone(importText(projectText).report);
}
