/**
 * The goal editor's texts, as STATE_TEXT holds the shared states' texts: each a whole sentence
 * with `{name}` places that fillText fills (one string to translate, its words in the order a
 * language needs), never a sentence glued together from pieces.
 */
export const EDITOR_TEXT = {
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
} as const;
