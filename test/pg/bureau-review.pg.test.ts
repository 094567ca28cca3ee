import { bureauReviewSuite } from '../../src/server/testing/suites/bureau-review';
import { onPostgres } from './backend';

await onPostgres(bureauReviewSuite);
