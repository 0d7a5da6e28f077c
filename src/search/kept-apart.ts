/**
 * Words Porter2 stems to the same term as a word of another meaning, each with a term of its own: "Constitution"
 * and "constitutional" stem as "constitutes" does (which the alias group of "counts as" holds), "authority" as
 * "author", "probation" as "probate", "international" and "internal" as "intern", "universal" as "university",
 * "organization" as "organ", "objective" as "objection". The word they were merged with keeps its stem.
 */
export const KEPT_APART = `constitution constitution constitutions constitutional constitutionally constitutionality |
authoriti authority authorities | authoriz authorize authorized authorizes authorizing authorization authorizations |
probation probation probations probationary probationer probationers |
international international internationally | internal internal internally |
universal universal universally universality |
organiz organize organized organizes organizing organization organizations organizational organizer organizers |
objective objective objectives objectively`;

/** Each word of the list and its term. */
export const KEPT_APART_TERMS: ReadonlyMap<string, string> = new Map(
  KEPT_APART.split('|').flatMap((group) => {
    const [term, ...words] = group.trim().split(/\s+/);
    return words.map((word) => [word, term!] as const);
  }),
);
