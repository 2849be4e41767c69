import { formatCelsius } from '../../i18n/index.ts';
import { HOME_CHARGING, REGION_IDS, REGIONS, type Answers } from '../../plan/index.ts';
import { ChoiceGroup, type Choice } from './ChoiceGroup.tsx';
import { NumberInput } from './NumberInput.tsx';
import { PriorityPicker } from './PriorityPicker.tsx';
import type { Question } from './questions.ts';
import { useNeedsI18n } from './use-needs-i18n.ts';

interface Props {
  question: Question;
  answers: Answers;
  onChange: (patch: Partial<Answers>) => void;
}

/** Cities from the coldest winter to the warmest. */
const REGIONS_BY_WINTER = [...REGION_IDS].sort((a, b) => REGIONS[a].winterC - REGIONS[b].winterC);

/** The controls of one question card. */
export function QuestionBody({ question, answers, onChange }: Props) {
  const { locale, n } = useNeedsI18n();
  const yesNo: Choice<boolean>[] = [
    { value: true, label: n('answer.yes') },
    { value: false, label: n('answer.no') },
  ];
  const bool = (key: 'workCharging' | 'children' | 'sevenSeats' | 'camping' | 'rideHailing', label?: string) => (
    <ChoiceGroup label={label} choices={yesNo} value={answers[key]} onChange={(v) => onChange({ [key]: v })} testId={key} />
  );

  if (question.numbers) {
    return (
      <div className="question__numbers">
        {question.numbers.map((f) => (
          <NumberInput key={f.key} field={f} value={answers[f.key]} onChange={(v) => onChange({ [f.key]: v })} fallbackLabel={n(question.titleKey)} />
        ))}
      </div>
    );
  }
  switch (question.id) {
    case 'charging':
      return (
        <div className="question__groups">
          <ChoiceGroup
            label={n('q.charging.home')}
            choices={HOME_CHARGING.map((h) => ({ value: h, label: n(`home.${h}`) }))}
            value={answers.homeCharging}
            onChange={(v) => onChange({ homeCharging: v })}
            testId="homeCharging"
          />
          {bool('workCharging', n('q.charging.work'))}
        </div>
      );
    case 'region':
      return (
        <ChoiceGroup
          variant="grid"
          choices={REGIONS_BY_WINTER.map((id) => ({
            value: id,
            label: REGIONS[id][locale === 'en' ? 'en' : 'zh'],
            note: `${formatCelsius(locale, REGIONS[id].winterC)} / ${formatCelsius(locale, REGIONS[id].summerC)}`,
          }))}
          value={answers.region}
          onChange={(v) => onChange({ region: v })}
          testId="region"
        />
      );
    case 'household':
      return (
        <div className="question__groups">
          {bool('children', n('q.household.children'))}
          {bool('sevenSeats', n('q.household.sevenSeats'))}
        </div>
      );
    case 'camping':
      return bool('camping');
    case 'rideHailing':
      return bool('rideHailing');
    case 'priorities':
      return <PriorityPicker value={answers.priorities} onChange={(v) => onChange({ priorities: v })} />;
    default:
      return null;
  }
}
