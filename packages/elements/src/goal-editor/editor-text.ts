/**
 * The goal editor's texts, as STATE_TEXT holds the shared states' texts: each a whole sentence
 * with `{name}` places that fillText fills (one string to translate, its words in the order a
 * language needs), never a sentence glued together from pieces.
 */
import { defineMessages, type Localized, messagesFor } from '@cscx/success-calc/i18n';
import { localized } from '../localize.js';

export const EDITOR_MESSAGES = defineMessages('elements.editor', {
  hoursPerMonth: 'Hours per month',
  metricWeight: 'Metric weight',
  /** The name of a problem the API found with the body as a whole. */
  wholeGoal: 'The goal',
  // A field error from the API: the field's name, then the API's own reason.
  fieldError: '{field}: {message}',
  problemOne: 'There is 1 problem with the goal.',
  problemMany: 'There are {count} problems with the goal.',
  notSavedInvalid: 'The goal was not saved: {detail} Your changes are kept.',
  notSavedUnnamed:
    'The goal was not saved: the server refused it ({title}) without naming a field. Your changes are kept.',
  targetEqualsBaseline: '{metric}: {reason} No progress can be calculated while they are equal.',
  deleteGoal: 'Delete goal',
  deleteQuestion: 'Delete the goal “{name}”?',
  deleteDetail:
    'This deletes the goal with its metrics and all their measurements. Milestones linked to it are kept. It cannot be undone.',
  keepGoal: 'Keep goal',
  confirmDelete: 'Delete permanently',
  deleting: 'Deleting goal…',
  deleted: 'Goal deleted.',
  deletedTitle: 'Goal deleted',
  deletedDetail: 'The goal “{name}” was deleted.',
  notDeleted: 'The goal was not deleted: {reason}',
  notDeletedChanged:
    'The goal was not deleted: it changed on the server after you opened it. Review the changes, then delete again.',
  close: 'Close',
  // The live preview: value counts as delivered only once the goal is measured (calc's rule).
  valueDelivered: 'Value delivered per year:',
  valueProjected: 'Projected at target, per year:',
  notMeasuredYet: 'None yet: no measurement recorded',
  timeSaved: 'Time saved per year:',
  timeSavedProjected: 'Time saved per year at target:',
  // Measurements: the confirmation after a write, and the history to correct or remove one.
  measurementRecorded: 'Measurement recorded. Progress {progress}, status {status}.',
  measurementCorrected: 'Measurement corrected. Progress {progress}, status {status}.',
  measurementRemoved: 'Measurement removed. Progress {progress}, status {status}.',
  progressNotAvailable: 'not available',
  historyHeading: 'Measurements of {metric}',
  historyEmpty: 'No measurements of this metric yet.',
  columnDate: 'Date',
  columnValue: 'Value',
  columnSource: 'Source',
  columnNote: 'Note',
  columnActions: 'Actions',
  notGiven: '—',
  correct: 'Correct',
  correctLabel: 'Correct the measurement of {date}',
  remove: 'Remove',
  removeLabel: 'Remove the measurement of {date}',
  saveCorrection: 'Save correction',
  savingCorrection: 'Saving…',
  cancelCorrection: 'Cancel',
  removeQuestion: 'Remove the measurement {value} of {date}?',
  removeDetail: 'Progress, status and value are calculated again without it. It cannot be undone.',
  keepMeasurement: 'Keep measurement',
  confirmRemove: 'Remove measurement',
  removing: 'Removing…',
  notChanged: 'The measurement was not changed: {reason}.',
  notChangedStale:
    'The measurement was not changed: the goal changed on the server after you opened it. It is shown as it is now; try again.',
  valueNotNumber: 'Value must be a number',
  dateRequired: 'Date is required',
  // The editor body.
  draftDiscarded: 'Draft discarded.',
  itemRemoved: '{item} removed.',
  loadingGoal: 'Loading goal…',
  newGoal: 'New goal',
  viewTitle: 'Goal: {name}',
  editTitle: 'Edit goal: {name}',
  restored: 'Restored your unsaved changes.',
  discardDraft: 'Discard draft',
  legendGoal: 'Goal',
  addMetric: 'Add metric',
  addDriver: 'Add value driver',
  saving: 'Saving…',
  saveChanges: 'Save changes',
  createGoal: 'Create goal',
  cancel: 'Cancel',
  loadingMilestones: 'Loading milestones…',
  milestonesFailed: 'Milestones could not be loaded.',
  required: '{label} (required)',
  // The form's sections (editor-view.ts).
  metricN: 'Metric {n}',
  removeMetric: 'Remove metric {n}',
  driverN: 'Value driver {n}',
  removeDriver: 'Remove value driver {n}',
  itemField: '{item}: {field}',
  asCalculated: 'As calculated',
  noDrivers: 'No value drivers',
  cannotCalculate: 'Cannot calculate: check the value drivers',
  progressLabel: 'Progress:',
  statusLabel: 'Status:',
  problemHeading: 'There is a problem with the goal',
  conflictHeading: 'This goal changed on the server',
  conflictDetail:
    'Someone saved version {version} on {date} after you opened it. Your changes are still here.',
  changedFields: 'Changed on the server: {fields}.',
  serverGoalName: "Server's goal name:",
  reload: 'Reload (discard my changes)',
  overwrite: 'Overwrite with my changes',
  discardQuestion: 'Discard your unsaved changes?',
  discardDetail: 'Leaving now drops the changes you made to this goal.',
  keepEditing: 'Keep editing',
  discardChanges: 'Discard changes',
  forbidden: 'Not saved: {reason} This editor is read-only now; what you typed is still shown.',
  readOnlyGoal: 'Read-only: you can view this goal but not change it.',
  readOnlyNew: 'Read-only: goals cannot be created with this access.',
  // Validation (goal-form.ts), each with the field's label.
  isRequired: '{label} is required.',
  notNumber: '{label} must be a number.',
  notDate: '{label} must be a valid date.',
  weightRange: '{label} must be more than 0 and at most 1,000.',
  outOfRange: '{label} is out of range.',
  tooLong: '{label} is too long.',
  notValid: '{label} is not valid.',
  targetBeforeStart: 'Target date must be on or after the start date.',
  // Saving (goal-save.ts).
  problemsAnnounced: '{problems} {messages}',
  noConnection: 'Cannot save: no connection to the Success API.',
  savingGoal: 'Saving goal…',
  goalSaved: 'Goal saved.',
  notSaved: 'The goal was not saved: {reason}. Your changes are kept.',
  conflictAnnounce:
    'This goal was changed on the server after you opened it. Your changes are kept. Reload or overwrite.',
  conflictLoadFailed: 'The goal changed on the server and could not be loaded: {reason}.',
  reloaded: 'Reloaded the goal from the server.',
  // Recording a measurement (measurement-form.ts).
  valueRequired: 'Value is required.',
  notRecorded: 'The measurement was not recorded: {reason}.',
  recordHeading: 'Record a measurement',
  columnMetric: 'Metric',
  recording: 'Recording…',
  record: 'Record measurement',
});

/** {@link EDITOR_MESSAGES} in the locale of the element being rendered. */
export const EDITOR_TEXT = localized(EDITOR_MESSAGES);

/**
 * The editor's messages in `host`'s locale, for text made after an await (a save's outcome),
 * when no update is running to give the locale.
 */
export function editorText(host: {
  readonly effectiveLocale?: string | undefined;
}): Localized<typeof EDITOR_MESSAGES.en> {
  return messagesFor(EDITOR_MESSAGES, host.effectiveLocale);
}

/** The labels of the form's choices, by list and wire value. */
export const OPTION_MESSAGES = defineMessages('elements.editor-options', {
  efficiency: 'Efficiency',
  revenue: 'Revenue',
  cost: 'Cost',
  quality: 'Quality',
  adoption: 'Adoption',
  satisfaction: 'Satisfaction',
  custom: 'Custom',
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
  monthly: 'Monthly',
  weekly: 'Weekly',
  daily: 'Daily',
  quarterly: 'Quarterly',
  time_saved: 'Time saved',
  cost_reduction: 'Cost reduction',
  revenue_increase: 'Revenue increase',
  notSet: 'Not set',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
});
/** {@link OPTION_MESSAGES} in the locale of the element being rendered. */
export const OPTION_TEXT = localized(OPTION_MESSAGES);

/** Labels of every field, by its path in the request body; used in messages and the summary. */
export const FIELD_MESSAGES = defineMessages('elements.editor-fields', {
  name: 'Goal name',
  description: 'Description',
  category: 'Category',
  owner: 'Owner',
  'owner.name': 'Owner name',
  'owner.title': 'Owner title',
  weight: 'Weight',
  start_date: 'Start date',
  target_date: 'Target date',
  metrics: 'Metrics',
  value_drivers: 'Value drivers',
  'metric.name': 'Metric name',
  'metric.unit': 'Unit',
  'metric.direction': 'Direction',
  'metric.baseline_value': 'Baseline',
  'metric.target_value': 'Target',
  'metric.data_source': 'Data source',
  'metric.frequency': 'Frequency',
  'metric.weight': 'Metric weight',
  'driver.type': 'Driver type',
  'driver.label': 'Label',
  'driver.hours_per_unit': 'Hours per unit',
  'driver.units_per_month': 'Units per month',
  'driver.hours_per_month': 'Hours per month',
  'driver.hourly_rate': 'Hourly rate',
  'driver.monthly_amount': 'Monthly amount',
  'driver.annual_amount': 'Annual amount',
  'driver.confidence': 'Confidence',
});

/** The milestone section's words (milestone-section.ts). */
export const MILESTONE_EDITOR_MESSAGES = defineMessages('elements.editor-milestones', {
  name: 'Name',
  description: 'Description',
  target_date: 'Target date',
  achieved_date: 'Achieved date',
  status: 'Status',
  goal_id: 'Goal',
  nameTooLong: 'Name is too long: at most 200 characters.',
  descriptionTooLong: 'Description is too long: at most 2,000 characters.',
  achievedInFuture: 'Achieved date cannot be in the future.',
  notSavedBecause: 'The milestone was not saved. {errors}',
  saving: 'Saving milestone…',
  saved: 'Milestone saved: {name}, {status}.',
  created: 'Milestone created: {name}, {status}.',
  gone: 'This milestone no longer exists on the server.',
  conflictAnnounce:
    'This milestone was changed on the server after you opened it. Your changes are kept. Reload or overwrite.',
  conflictLoadFailed: 'The milestone changed on the server and could not be loaded: {reason}.',
  fieldError: '{field}: {message}',
  notSaved: 'The milestone was not saved: {reason}. Your changes are kept.',
  reloaded: 'Reloaded the milestone from the server.',
  heading: 'Milestones',
  add: 'Add milestone',
  loading: 'Loading milestones…',
  empty: 'No milestones yet.',
  dates: 'Target {target}',
  datesAchieved: 'Target {target} · Achieved {achieved}',
  thisGoal: ' · This goal',
  anotherGoal: ' · Another goal',
  editLabel: 'Edit milestone {name}',
  edit: 'Edit',
  achieveLabel: 'Record achieved: {name}',
  achieve: 'Record achieved',
  editHeading: 'Edit milestone: {name}',
  newHeading: 'New milestone',
  planned: 'Planned',
  at_risk: 'At risk',
  statusHint: 'Achieved and missed follow from the dates.',
  noGoal: 'Not tied to a goal',
  thisGoalOption: 'This goal: {name}',
  anotherGoalOption: 'Another goal ({id})',
  save: 'Save milestone',
  create: 'Create milestone',
  conflictHeading: 'This milestone changed on the server',
  conflictDetail:
    'Someone saved version {version} after you opened it. Your changes are still here.',
  serverName: "Server's name:",
});
