import { GoalProgress } from '../goal-progress/goal-progress.js';

export { GoalProgress };

// Guarded so that two copies of the package on one page do not throw on the second define.
if (!customElements.get('goal-progress')) customElements.define('goal-progress', GoalProgress);

declare global {
  interface HTMLElementTagNameMap {
    'goal-progress': GoalProgress;
  }
}
