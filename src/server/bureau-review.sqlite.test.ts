import { sqliteBackend } from './testing/backends';
import { bureauReviewSuite } from './testing/suites/bureau-review';

bureauReviewSuite(sqliteBackend);
