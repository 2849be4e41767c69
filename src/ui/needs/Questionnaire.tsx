import { formatNumber } from '../../i18n/index.ts';
import { usePlanStore } from '../../state/plan-store.ts';
import { QuestionBody } from './QuestionBody.tsx';
import { confirmQuestion, QUESTIONS, skipQuestion } from './questions.ts';
import { useNeedsI18n } from './use-needs-i18n.ts';

/** One question per card, with progress, back, skip and next; the last "next" shows the plan. */
export function Questionnaire() {
  const { locale, n } = useNeedsI18n();
  const answers = usePlanStore((s) => s.answers);
  const step = Math.min(usePlanStore((s) => s.step), QUESTIONS.length - 1);
  const { setAnswers, replaceAnswers, goTo, showPlan } = usePlanStore.getState();
  const question = QUESTIONS[step]!;
  const last = step === QUESTIONS.length - 1;

  const advance = (next: typeof answers) => {
    replaceAnswers(next);
    if (last) showPlan();
    else goTo(step + 1);
  };

  return (
    <section className="needs-q" aria-labelledby="needs-q-title" data-question={question.id}>
      <header className="needs-q__head">
        <p className="needs-q__kicker">{n('title')}</p>
        <p className="needs-q__progress tabular" data-testid="needs-progress">
          {n('progress', { n: formatNumber(locale, step + 1), total: formatNumber(locale, QUESTIONS.length) })}
        </p>
        <div className="progress" aria-hidden="true">
          {QUESTIONS.map((q, i) => (
            <span key={q.id} className="progress__seg" data-state={i < step ? 'done' : i === step ? 'current' : 'todo'} />
          ))}
        </div>
      </header>
      <div className="needs-q__card card" key={question.id}>
        <h1 id="needs-q-title" className="needs-q__title">
          {n(question.titleKey)}
        </h1>
        {question.hintKey && <p className="needs-q__hint">{n(question.hintKey)}</p>}
        {step === 0 && <p className="needs-q__intro">{n('intro')}</p>}
        <div className="needs-q__body">
          <QuestionBody question={question} answers={answers} onChange={setAnswers} />
        </div>
      </div>
      <nav className="needs-q__nav">
        <button type="button" className="button" data-testid="needs-back" disabled={step === 0} onClick={() => goTo(step - 1)}>
          {n('back')}
        </button>
        <button type="button" className="button button--ghost" data-testid="needs-skip" onClick={() => advance(skipQuestion(answers, question))}>
          {n('skip')}
        </button>
        <button type="button" className="button button--primary" data-testid="needs-next" onClick={() => advance(confirmQuestion(answers, question))}>
          {last ? n('finish') : n('next')}
        </button>
      </nav>
    </section>
  );
}
