import { useEffect, useState } from 'react';
import type { LeadDetail } from '../../leads/api-schema.ts';
import { useLineupStore } from '../../state/lineup-store.ts';
import { repApi, useRepSession } from '../../state/rep-session.ts';
import { useRepI18n } from './use-rep-i18n.ts';
import { fieldValue, formatPhone, formatTime } from './rep-format.ts';
import { fieldLabel, tagLabel } from './rep-text.ts';
import { errorMessage, useApiQuery } from './use-api.ts';

interface Props {
  id: string;
  onBack: () => void;
  /** The lead changed (contacted, test drive): the list reloads its badges. */
  onChanged: () => void;
  onErased: () => void;
}

/**
 * One lead: contact, follow-up actions, every visit with its plan, answers, tags and kiosk events,
 * and the consent records. Every value is rendered as text (React escapes it): names and answers
 * come from customers and are never trusted as markup.
 */
export function LeadDetailPanel({ id, onBack, onChanged, onErased }: Props) {
  const { locale, r } = useRepI18n();
  const isManager = useRepSession((s) => s.role === 'manager');
  const lead = useApiQuery<LeadDetail>(id, () => repApi.getLead(id));
  const [actionError, setActionError] = useState<string | null>(null);
  const [testDriveBooked, setTestDriveBooked] = useState(false);
  const lineup = useLineupStore((st) => st.entries);
  useEffect(() => {
    if (useLineupStore.getState().status === 'idle') void useLineupStore.getState().load();
  }, []);

  const act = async (action: () => Promise<void>, after: () => void) => {
    setActionError(null);
    try {
      await action();
      after();
    } catch (e) {
      setActionError(errorMessage(e as Error));
    }
  };

  if (lead.error) {
    return (
      <section className="card rep-card rep-detail" data-testid="lead-detail">
        <button type="button" className="button button--small rep-detail__back" onClick={onBack}>{r('detail.back')}</button>
        <p className="rep-problem" role="alert">{r('detail.error', { message: errorMessage(lead.error) })}</p>
      </section>
    );
  }
  if (!lead.data) return <p className="card rep-card rep-muted">{r('detail.loading')}</p>;
  const l = lead.data;
  const words = { yes: r('yes'), no: r('no'), sep: locale === 'en' ? ', ' : '、' };
  // Trims by name where the line-up knows them (the rep reads "Vela S5 长续航", not an id).
  const trimName = (id: string) => {
    const e = lineup.find((x) => x.id === id);
    const name = e?.status === 'ok' ? e.spec.name?.[locale] : e?.name?.[locale];
    return name ? `${name} (${id})` : id;
  };
  const planValue = (key: string, value: unknown) =>
    (key === 'vehicleId' || key === 'alternativeVehicleId') && typeof value === 'string' ? trimName(value) : fieldValue(value, words);

  return (
    <section className="card rep-card rep-detail" aria-labelledby="lead-name" data-testid="lead-detail">
      <button type="button" className="button button--small rep-detail__back" onClick={onBack}>{r('detail.back')}</button>
      <h2 id="lead-name">{l.name}</h2>
      <dl className="rep-facts">
        <Fact label={r('detail.phone')} value={formatPhone(l.contact.phone)} />
        {l.contact.email && <Fact label={r('detail.email')} value={l.contact.email} />}
        {l.contact.preferredTime && <Fact label={r('detail.preferred')} value={formatTime(locale, l.contact.preferredTime)} />}
        <Fact label={r('detail.store')} value={l.storeId} />
        <Fact label={r('detail.created')} value={formatTime(locale, l.createdAt)} />
        <Fact label={r('detail.firstContact')} value={l.firstContactAt ? formatTime(locale, l.firstContactAt) : r('detail.notContacted')} />
      </dl>
      <div className="rep-actions">
        {!l.firstContactAt && (
          <button type="button" className="button button--primary" onClick={() => void act(() => repApi.markContacted(l.id), () => (lead.reload(), onChanged()))} data-testid="mark-contacted">
            {r('detail.markContacted')}
          </button>
        )}
        <button type="button" className="button" disabled={testDriveBooked} onClick={() => void act(() => repApi.recordTestDrive(l.id), () => (setTestDriveBooked(true), onChanged()))} data-testid="record-test-drive">
          {r(testDriveBooked ? 'detail.testDriveDone' : 'detail.testDrive')}
        </button>
        {isManager && (
          <button
            type="button"
            className="button rep-danger"
            onClick={() => window.confirm(r('detail.eraseConfirm')) && void act(() => repApi.eraseLead(l.id), onErased)}
            data-testid="erase-lead"
          >
            {r('detail.erase')}
          </button>
        )}
      </div>
      {actionError && <p className="rep-problem" role="alert">{actionError}</p>}

      <h3>{r('detail.interactions')}</h3>
      <ol className="rep-visits">
        {l.interactions.map((i) => (
          <li key={i.id} className="rep-visit">
            <p className="rep-visit__head">
              <strong>{r(i.kind === 'first' ? 'detail.kind.first' : 'detail.kind.returning')}</strong>
              <span className="tabular">{formatTime(locale, i.at)}</span>
            </p>
            {i.tags && (
              <p className="rep-lead-row__tags">
                {[...(i.tags.value ?? []), ...(i.tags.needs ?? []), ...(i.tags.behaviour ?? [])].map((t) => (
                  <span key={t} className="rep-tag">{tagLabel(locale, t)}</span>
                ))}
              </p>
            )}
            <FieldList title={r('detail.plan')} fields={i.plan} none={r('detail.none')} format={planValue} label={(k) => fieldLabel(locale, k)} />
            <FieldList title={r('detail.answers')} fields={i.answers} none={r('detail.none')} format={(_k, v) => fieldValue(v, words)} label={(k) => fieldLabel(locale, k)} />
            {i.events && i.events.length > 0 && (
              <details className="rep-events">
                <summary>{r('detail.events')} ({i.events.length})</summary>
                <ul>
                  {i.events.map((e, n) => (
                    <li key={n}>
                      <span className="tabular">{formatTime(locale, e.at)}</span> {e.type}
                      {e.data && <span className="rep-muted"> {fieldValue(e.data, words)}</span>}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ol>

      <h3>{r('detail.consents')}</h3>
      <ul className="rep-consents" data-testid="lead-consents">
        {l.consents.map((c, n) => (
          <li key={n} className={c.granted ? 'rep-consent rep-consent--granted' : 'rep-consent'}>
            <span>{r(`consent.${c.purpose}`)}</span>
            <strong>{r(c.granted ? 'detail.consent.granted' : 'detail.consent.refused')}</strong>
            <span className="rep-muted">
              {r('detail.consent.version', { v: c.textVersion })} · {formatTime(locale, c.givenAt ?? c.recordedAt)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="rep-fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function FieldList(props: { title: string; fields: Record<string, unknown> | undefined; none: string; label: (key: string) => string; format: (key: string, value: unknown) => string }) {
  const entries = Object.entries(props.fields ?? {});
  return (
    <details className="rep-fields" open={entries.length > 0 && entries.length <= 24}>
      <summary>{props.title}</summary>
      {entries.length === 0 ? (
        <p className="rep-muted">{props.none}</p>
      ) : (
        <dl>
          {entries.map(([k, v]) => (
            <div key={k} className="rep-fact">
              <dt>{props.label(k)}</dt>
              <dd>{props.format(k, v)}</dd>
            </div>
          ))}
        </dl>
      )}
    </details>
  );
}
