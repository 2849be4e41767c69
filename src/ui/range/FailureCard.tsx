import type { SimFailure } from '../../state/sim-protocol.ts';
import { useI18n } from '../use-i18n.ts';

interface Props {
  title: string;
  failure: SimFailure | null;
  onRetry?: () => void;
}

/** A clear error card: what failed, and for a bad file which file and which field. */
export function FailureCard({ title, failure, onRetry }: Props) {
  const { t } = useI18n();
  return (
    <div className="error-card" role="alert" data-testid="failure-card">
      <h2>{title}</h2>
      {failure?.kind === 'spec' && (
        <>
          <p>{t('range.error.detail', { file: failure.source })}</p>
          <p className="error-card__detail">
            {failure.field ? `${failure.field}: ` : ''}
            {failure.detail}
          </p>
        </>
      )}
      {failure?.kind === 'sim' && <p className="error-card__detail">{failure.message}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('range.retry')}
        </button>
      )}
    </div>
  );
}
