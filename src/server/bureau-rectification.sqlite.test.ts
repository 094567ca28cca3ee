import { sqliteBackend } from './testing/backends';
import { bureauRectificationSuite } from './testing/suites/bureau-rectification';

bureauRectificationSuite(sqliteBackend);
