import { bureauRectificationSuite } from '../../src/server/testing/suites/bureau-rectification';
import { onPostgres } from './backend';

await onPostgres(bureauRectificationSuite);
