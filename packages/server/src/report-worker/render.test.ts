import { describe, expect, it } from 'vitest';
import { ProblemError } from '../problem.js';
import { renderProblem } from './render.js';

describe('renderProblem', () => {
  it('makes a PDF in a language without a font a 422 naming /locale, not a 500', () => {
    const p = renderProblem(
      'ReportFontError',
      'A ja-JP PDF needs a font with its script’s glyphs.',
    );
    expect(p).toBeInstanceOf(ProblemError);
    expect(p?.status).toBe(422);
    expect(p?.detail).toContain('ja-JP');
    expect(p?.errors).toEqual([
      expect.objectContaining({ field: '/locale', code: 'font_unavailable' }),
    ]);
  });

  it('leaves any other failure to be the server’s', () => {
    expect(renderProblem('TypeError', 'x is undefined')).toBeNull();
  });
});
