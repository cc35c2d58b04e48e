import type { SuccessGoal } from '../types.js';
import {
  completeForm,
  type DriverField,
  emptyDriver,
  emptyForm,
  emptyMetric,
  formOf,
  type GoalForm,
  type MetricField,
} from './goal-form.js';

/** What is kept in sessionStorage while a goal has unsaved changes. */
interface StoredDraft {
  readonly form: GoalForm;
  /** The version the draft was edited from; a newer server version is a conflict on save. */
  readonly version: number | null;
}

export const today = () => new Date().toISOString().slice(0, 10);

/**
 * The goal being edited: the form as typed, the goal the server last gave, the version the
 * edits apply to, and the copy of unsaved changes kept in sessionStorage (restored when the
 * editor opens the same goal again in this tab). No rendering and no requests.
 */
export class GoalDraft {
  /**
   * `key` is the sessionStorage key of this editor's draft: one per customer and goal.
   */
  constructor(readonly key: () => string) {}

  form: GoalForm = emptyForm(today());
  #pristine = '';
  /** The last goal the server gave (loaded, saved, or after a measurement). */
  server: SuccessGoal | undefined;
  /** The version the form was edited from; a newer server version is a conflict on save. */
  version: number | null = null;
  /** True while the form shows changes restored from the session draft. */
  restored = false;

  /** True when an existing goal is edited (rather than a new one created). */
  get editing(): boolean {
    return this.server !== undefined;
  }

  /** True when the form differs from what was last loaded or saved. */
  get dirty(): boolean {
    return JSON.stringify(this.form) !== this.#pristine;
  }

  /** Starts on `goal` (or a new goal): its form, or the session draft kept of it. */
  start(goal: SuccessGoal | undefined): void {
    this.#take(goal);
    const draft = this.#read();
    if (draft) {
      this.form = draft.form;
      if (draft.version !== null) this.version = draft.version;
      this.restored = true;
    }
  }

  /** Drops the form's changes and the session draft: the form shows `goal` (or a new goal). */
  reset(goal: SuccessGoal | undefined): void {
    this.clear();
    this.#take(goal);
  }

  /** Replaces the form with `form` (a new goal from a template), kept as the session draft. */
  fill(form: GoalForm): void {
    this.form = form;
    this.restored = false;
    this.write();
  }

  /**
   * The server's goal moved on without a conflict (a measurement bumps the version): unsaved
   * edits were made on the goal as it was just before, so they follow to the new version.
   */
  follow(goal: SuccessGoal): void {
    this.server = goal;
    this.version = goal.version;
  }

  #take(goal: SuccessGoal | undefined): void {
    this.server = goal;
    this.version = goal?.version ?? null;
    this.form = goal ? formOf(goal) : emptyForm(today());
    this.#pristine = JSON.stringify(this.form);
    this.restored = false;
  }

  /** Sets the field at a form key: `name`, `owner_title`, `metrics.0.unit`, `value_drivers.1.type`. */
  set(path: string, value: string): void {
    const [head, index, field] = path.split('.');
    if (head === 'metrics' && index !== undefined && field) {
      const m = this.form.metrics[Number(index)];
      if (m) m[field as MetricField] = value;
    } else if (head === 'value_drivers' && index !== undefined && field) {
      const d = this.form.value_drivers[Number(index)];
      if (d) d[field as DriverField] = value;
    } else if (head && head in this.form && head !== 'loaded') {
      (this.form as unknown as Record<string, string>)[head] = value;
    }
    this.write();
  }

  /** Adds an empty metric; answers its index. */
  addMetric(): number {
    this.form.metrics.push(emptyMetric());
    this.write();
    return this.form.metrics.length - 1;
  }

  /** Adds an empty value driver; answers its index. */
  addDriver(): number {
    this.form.value_drivers.push(emptyDriver());
    this.write();
    return this.form.value_drivers.length - 1;
  }

  remove(list: 'metrics' | 'value_drivers', i: number): void {
    this.form[list].splice(i, 1);
    this.write();
  }

  /** Keeps the form in the session draft while it has changes, and drops the draft when not. */
  write(): void {
    try {
      if (this.dirty) {
        const draft: StoredDraft = { form: this.form, version: this.version };
        sessionStorage.setItem(this.key(), JSON.stringify(draft));
      } else sessionStorage.removeItem(this.key());
    } catch {
      // Storage full or blocked: editing still works, only the draft is not kept.
    }
  }

  clear(): void {
    try {
      sessionStorage.removeItem(this.key());
    } catch {
      // Nothing to clear when storage is blocked.
    }
  }

  #read(): StoredDraft | undefined {
    try {
      const raw = sessionStorage.getItem(this.key());
      if (!raw) return undefined;
      const draft = JSON.parse(raw) as StoredDraft;
      if (!Array.isArray(draft.form?.metrics)) return undefined;
      return { form: completeForm(draft.form), version: draft.version ?? null };
    } catch {
      return undefined;
    }
  }
}
