import { GoalEditor } from '../goal-editor/goal-editor.js';

export { GoalEditor };

// Guarded so that two copies of the package on one page do not throw on the second define.
if (!customElements.get('goal-editor')) customElements.define('goal-editor', GoalEditor);

declare global {
  interface HTMLElementTagNameMap {
    'goal-editor': GoalEditor;
  }
}
