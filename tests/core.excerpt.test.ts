import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { corpusOfParagraphs } from './helpers/corpus.js';

describe('a long sentence cut to a quote', () => {
  it('opens at the quotation a citation introduces, not in the citation\'s tail', async () => {
    const corpus = await corpusOfParagraphs([
      'See House Research Organization, Bill Analysis, HB 588, pp. 4–5 (Apr. 15, 1997) (“Many regions of the state, school districts, and high schools in Texas are still predominantly composed of people from a single racial or ethnic group. Because of the persistence of this segregation, admitting the top 10 percent of all high schools would provide a diverse population and ensure that a large, well qualified pool of minority students was admitted to Texas universities.”).',
      'The weather was mild.',
    ]);
    const answer = answerQuestion(corpus, 'Are Texas high schools still composed of a single racial group?');
    const [first] = answer.kind === 'excerpts' ? answer.excerpts : [];
    // The quote opened "…15, 1997) (“Many regions …", the end of a date and a bracket.
    expect(first?.quote.startsWith('“Many regions of the state')).toBe(true);
    expect(first?.elidedStart).toBe(true);
  });
});
