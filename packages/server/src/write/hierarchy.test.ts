// The account hierarchy's rules as a pure function: one level, no cycle, nothing outside the scope.
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth.js';
import { parentErrors } from './hierarchy.js';

const manager: Principal = { tokenId: 't', role: 'manager', csmId: null, customerId: null };
const csm: Principal = { tokenId: 't', role: 'csm', csmId: 'csm_a', customerId: null };
const top = { id: 'p', csm_id: 'csm_a', parent_id: null };
const codes = (errors: { code?: string | null }[]) => errors.map((e) => e.code);

describe('parentErrors', () => {
  it('allows a top-level parent the token sees for a customer without children', () => {
    expect(parentErrors(manager, 'c', 'p', top, false)).toEqual([]);
    expect(parentErrors(csm, 'c', 'p', top, false)).toEqual([]);
  });

  it('names each refusal with /parent_id and its own code', () => {
    expect(codes(parentErrors(manager, 'p', 'p', top, false))).toEqual(['self_parent']);
    expect(codes(parentErrors(manager, 'c', 'x', null, false))).toEqual(['unknown_parent']);
    expect(codes(parentErrors(manager, 'c', 'p', { ...top, parent_id: 'c' }, true))).toEqual([
      'parent_cycle',
    ]);
    expect(codes(parentErrors(manager, 'c', 'p', { ...top, parent_id: 'g' }, false))).toEqual([
      'parent_depth',
    ]);
    expect(codes(parentErrors(manager, 'c', 'p', top, true))).toEqual(['parent_depth']);
    for (const e of parentErrors(manager, 'c', 'x', null, false))
      expect(e.field).toBe('/parent_id');
  });

  it("reads a parent outside a CSM's portfolio as unknown, as a GET of it would be 404", () => {
    expect(codes(parentErrors(csm, 'c', 'p', { ...top, csm_id: 'csm_b' }, false))).toEqual([
      'unknown_parent',
    ]);
  });
});
