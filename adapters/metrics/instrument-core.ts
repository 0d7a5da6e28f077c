import type { Answer, AskOptions, Pinpoint } from '../../src/index.js';
import type { AnswerOperation, Metrics } from './create-metrics.js';

/**
 * The core as one platform sees it, with each answer timed and counted. The core itself never
 * learns about prom-client: every adapter gets its own decorated view, so metrics carry the platform.
 */
export function instrumentCore(core: Pinpoint, metrics: Metrics, platform: string): Pinpoint {
  const measured = (operation: AnswerOperation, run: () => Answer): Answer => {
    const started = process.hrtime.bigint();
    let answer: Answer;
    try {
      answer = run();
    } catch (error) {
      metrics.countError(platform, 'core');
      throw error;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics.observeAnswer({ platform, operation, outcome: answer.kind, seconds });
    return answer;
  };
  // A later page is More whatever asked the first: Slack's More on a Find sources answer asks findSources again.
  const operationOf = (base: AnswerOperation, options?: AskOptions): AnswerOperation => ((options?.offset ?? 0) > 0 ? 'more' : base);

  return {
    ask: (question, options) => measured(operationOf('ask', options), () => core.ask(question, options)),
    // Pin and Share ask again: no reader's new question, so neither counted nor timed.
    askAgain: (question, options) => core.askAgain(question, options),
    findSources: (message, options) => measured(operationOf('find_sources', options), () => core.findSources(message, options)),
    // Share shows again an answer already given: no reader's new question.
    findSourcesAgain: (message, options) => core.findSourcesAgain(message, options),
    documents: () => core.documents(),
    passage: (passageId) => core.passage(passageId),
    context: (passageId, radius) => core.context(passageId, radius),
    resolveSource: (ref) => core.resolveSource(ref),
    findSource: (ref) => core.findSource(ref),
    suggest: (prefix, options) => core.suggest(prefix, options),
    stats: () => core.stats(),
    get pins() {
      return core.pins;
    },
    get limits() {
      return core.limits;
    },
    get answers() {
      return core.answers;
    },
    reload: () => core.reload(),
    // The core is shared by every adapter: only the composition root closes it, once, at shutdown.
    close: () => Promise.resolve(),
  };
}
