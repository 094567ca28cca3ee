// The roster states' colours, shared by the board's tags and the dashboard's completion chart.
import type { RosterState } from '../../../../src/core/bureau/roster';

export const STATE_COLOR: Record<RosterState, string> = {
  not_started: 'default', filling: 'gold', dept_review: 'processing', submitted: 'blue', finance_review: 'geekblue', returned: 'error', accepted: 'success', published: 'purple',
};
