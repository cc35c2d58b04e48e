import type { Checked, RowKind } from '../kind.js';
import { customersKind } from './customers.js';
import { healthKind } from './health.js';
import { kpisKind } from './kpis.js';
import { measurementsKind } from './measurements.js';

/** The kinds of rows an import takes (openapi.yaml `ImportKind`). */
export const IMPORT_KINDS = [
  'customers',
  'measurements',
  'health_observations',
  'kpi_observations',
] as const;

export type ImportKindName = (typeof IMPORT_KINDS)[number];

/** A fresh kind for one import (it remembers the rows it has seen). */
export function rowKind(kind: ImportKindName): RowKind<Checked> {
  switch (kind) {
    case 'customers':
      return customersKind() as unknown as RowKind<Checked>;
    case 'measurements':
      return measurementsKind() as unknown as RowKind<Checked>;
    case 'health_observations':
      return healthKind() as unknown as RowKind<Checked>;
    case 'kpi_observations':
      return kpisKind() as unknown as RowKind<Checked>;
  }
}
