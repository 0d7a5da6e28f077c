import { describe, expect, it } from 'vitest';
import { sectionNumberOf, sectionTitleOf } from '../src/section-number.js';

describe('section numbers', () => {
  it.each([
    ['8. Termination', '8', 'Termination'],
    ['3.3. Distribution of a Larger Work', '3.3', 'Distribution of a Larger Work'],
    ['Section 2.1 Settlement Fund', '2.1', 'Settlement Fund'],
    ['ARTICLE 4. Release of Claims.', '4', 'Release of Claims'],
    ['3.3.', '3.3', ''],
    ['Section 6', '6', ''],
  ])('reads %j as section %j titled %j', (heading, number, title) => {
    expect(sectionNumberOf(heading)).toBe(number);
    expect(sectionTitleOf(heading)).toBe(title);
  });

  it.each(['TERMS AND CONDITIONS', 'JUSTICE GINSBURG, dissenting', '2011. The year began', 'Section 1983 Claims'])('finds no section number in %j', (heading) => {
    expect(sectionNumberOf(heading)).toBeUndefined();
  });
});
