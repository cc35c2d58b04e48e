// Every stories module, by file name, for the tests that walk them all (stories.test.ts,
// coverage.test.ts). Not a `*.stories.ts` module: Storybook lists nothing from it.
import * as alerts from './alerts.stories.js';
import type { DisplayArgs } from './args.js';
import * as benchmarks from './benchmarks.stories.js';
import * as dashboard from './dashboard.stories.js';
import * as goalEditor from './goal-editor.stories.js';
import * as goalProgress from './goal-progress.stories.js';
import * as goalsTable from './goals-table.stories.js';
import * as health from './health.stories.js';
import * as kpis from './kpis.stories.js';
import * as milestones from './milestones.stories.js';
import * as overview from './overview.stories.js';
import * as portfolio from './portfolio.stories.js';
import * as provider from './provider.stories.js';
import * as score from './score.stories.js';
import * as tools from './tools.stories.js';
import * as trendChart from './trend-chart.stories.js';
import * as value from './value.stories.js';

/** A stories module: its meta (title, the element its docs page documents) and its stories. */
export interface StoryModule {
  readonly default: {
    readonly title?: string;
    readonly component?: string;
    readonly args?: Partial<DisplayArgs>;
  };
  readonly [name: string]: unknown;
}

/** The stories modules by file name (without `.stories.ts`). */
export const storyModules: Readonly<Record<string, StoryModule>> = {
  alerts,
  benchmarks,
  dashboard,
  'goal-editor': goalEditor,
  'goal-progress': goalProgress,
  'goals-table': goalsTable,
  health,
  kpis,
  milestones,
  overview,
  portfolio,
  provider,
  score,
  tools,
  'trend-chart': trendChart,
  value,
};
